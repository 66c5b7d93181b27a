import VisitCoachCLI

VisitCoachCommand.launch()
