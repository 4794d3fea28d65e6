a = concat(xs..., ys)
