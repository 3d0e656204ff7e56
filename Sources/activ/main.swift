import ActivCLI

Activ.main()
