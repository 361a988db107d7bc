from careerceo.cli.main import run

run()
