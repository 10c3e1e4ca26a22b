"""`shopsync-release`: the maintainers' tool that creates and signs the TUF update repository.

Not a shop command and never run on a shop PC: it needs the signing keys.
"""
