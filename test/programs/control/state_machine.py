# A table-driven state machine processed with loop rebinding.
TRANSITIONS = {
    ("idle", "coin"): "ready",
    ("ready", "push"): "vending",
    ("ready", "coin"): "ready",
    ("vending", "done"): "idle",
    ("idle", "push"): "idle",
}

def run(events, state="idle"):
    log = ()
    vended = 0
    for ev in events:
        nxt = TRANSITIONS.get((state, ev))
        if nxt is None:
            log = log + (f"{state}!{ev}",)
            continue
        if state == "ready" and nxt == "vending":
            vended = vended + 1
        state = nxt
        log = log + (state,)
    return state, vended, log

print(run(["coin", "push", "done", "push", "coin", "coin", "push", "kick", "done"]))
print(run([]), run(["done"], "vending")[0])
def tokens(s):
    out = ()
    cur = ""
    mode = "space"
    for ch in s + " ":
        kind = "digit" if ch.isdigit() else "alpha" if ch.isalpha() else "space"
        if kind != mode and cur:
            out = out + ((mode, cur),)
            cur = ""
        if kind != "space":
            cur = cur + ch
        mode = kind
    return out
print(tokens("abc123 de4 5f"))
