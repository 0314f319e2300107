"""The documents a run makes: the options of a build, rendering the worksheet and
the wallet card, and writing them to a folder as a pair."""
