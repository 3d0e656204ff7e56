// Times a command for Scripts/bench/run.sh: runs it RUNS times with standard output to /dev/null
// (or to FILE with -o FILE) and prints the best wall time in seconds and the largest maximum
// resident set size in KB: "SECONDS KB". Exits 1 if any run fails.
//   besttime RUNS [-o FILE] COMMAND [ARGS...]
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: besttime RUNS [-o FILE] COMMAND [ARGS...]\n");
    return 2;
  }
  int runs = atoi(argv[1]);
  const char *output = "/dev/null";
  int first = 2;
  if (strcmp(argv[2], "-o") == 0) {
    output = argv[3];
    first = 4;
  }
  double best = 1e30;
  long rss = 0;
  for (int i = 0; i < runs; i++) {
    double start = now();
    pid_t pid = fork();
    if (pid == 0) {
      int fd = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      close(fd);
      execvp(argv[first], argv + first);
      _exit(127);
    }
    int status;
    struct rusage usage;
    wait4(pid, &status, 0, &usage);
    double elapsed = now() - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "besttime: %s failed\n", argv[first]);
      return 1;
    }
    if (elapsed < best) best = elapsed;
    if (usage.ru_maxrss > rss) rss = usage.ru_maxrss;
  }
  printf("%.6f %ld\n", best, rss);
  return 0;
}
