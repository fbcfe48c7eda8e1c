"""Training the tagger (:mod:`.fit`: encode PolNeAR, fine-tune, export int8 ONNX) and distilling a stronger teacher into it (:mod:`.distil`)."""
