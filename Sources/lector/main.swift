import LectorCLI
Lector.main()
