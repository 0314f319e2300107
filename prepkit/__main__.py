from prepkit.cli.start import run

run()
