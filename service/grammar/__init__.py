"""Constrained decoding: the contract's JSON Schema compiled once against the tokenizer.

Per step it yields each sequence's allowed-token bitmask and the forced continuation
(schema-forced keys and punctuation, fed without a model decision); on a length limit it
closes the JSON with a short schema-valid completion. Built on llguidance.
"""
