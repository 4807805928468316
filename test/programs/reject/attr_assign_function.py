# REJECT 7
class Cfg:
    def __init__(self):
        self.mode = "a"

def configure(cfg, mode):
    cfg.mode = mode
    return cfg

print(configure(Cfg(), "b").mode)
