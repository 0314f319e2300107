from prepkit.start import run

run()
