import LectorCLI

LectorMain.main()
