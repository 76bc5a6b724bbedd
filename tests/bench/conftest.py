from tests.engine.random_model import grammar, single_thread, tokenizer

__all__ = ["grammar", "single_thread", "tokenizer"]
