from tests.engine.random_model import single_thread

__all__ = ["single_thread"]
