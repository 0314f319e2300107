from prepkit.cli import run

run()
