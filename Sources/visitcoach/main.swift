import VisitCoachCLI

VisitCoachCommand.main()
