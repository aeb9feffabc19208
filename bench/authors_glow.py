#!/usr/bin/python3
"""Times the authors' PyTorch Glow on the CPU for the side-by-side comparison (side_by_side.py).

Usage:
  /usr/bin/python3 bench/authors_glow.py AUTHORS_CHECKOUT --mode train|outlier|score
      [--threads 1] [--steps 6] [--warmup 2] [--batch 64] [--hidden 128] [--steps-per-scale 8]

Prints one line: `authors <mode> threads=<n> batch=<b> images_per_second=<x>`.

Requirements (only for this comparison; Glowscope itself never needs Python):
  - Debian's PyTorch: `apt-get install python3-torch` (1.13), run with /usr/bin/python3 (not a
    virtual environment or pyenv interpreter, which do not see Debian's packages);
  - a checkout of the authors' code, which is AGPL-licensed and must stay OUTSIDE this repository
    (or in a folder git ignores):
      git clone https://github.com/boschresearch/hierarchical_anomaly_detection /tmp/authors

This file contains none of the authors' code. It stubs the imports their training module needs
only for data loading, logging and progress bars (ignite, tensorboardX, torchvision, tqdm,
sklearn, scipy, PIL), makes `.cuda()` a no-op, builds the model with the authors' own
`create_glow_model` (L=3 scales, K steps, affine coupling, LU 1x1 convolutions, 1x32x32 images),
initialises ActNorms with their `init_all_modules`, and times their training step as their
`run_exp.train` composes it (check_gradients_clear, apply_inlier_losses, apply_outlier_losses with
the 'class' outlier loss, grads_all_finite, step_and_clear_gradients, the bpd read-out) with
torch.optim.Adamax (lr 5e-4, weight decay 5e-5, their defaults), or their scoring function
`evaluate.get_nlls` (log p and every scale's contribution, no grad). The inputs are random 8-bit
images dequantised as their loader does (k/256 - 0.5 plus uniform noise of width 1/256), drawn
before timing, like Glowscope's bench feeds random images.
"""
import argparse
import importlib.abc
import importlib.machinery
import os
import sys
import time
import types

import numpy as np
import torch as th

STUBBED = ("ignite", "tensorboardX", "torchvision", "tqdm", "sklearn", "scipy", "PIL")


class _StubModule(types.ModuleType):
    """Any attribute is a do-nothing class, so `from x import Y` and `class Z(Y)` both work."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "tqdm":
            return lambda iterable=None, *args, **kwargs: iterable
        stub = type(name, (object,), {"__init__": lambda self, *a, **k: None})
        setattr(self, name, stub)
        return stub


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in STUBBED:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = _StubModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def install_stubs():
    sys.meta_path.insert(0, _StubFinder())
    # Their folder_locations module reads data folders from the environment; none are read here.
    for name in ("pytorch_data", "tiny_data", "lsun_data", "brats_data", "celeba_data",
                 "tiny_imagenet_data"):
        os.environ.setdefault(name, "/nonexistent")
    th.Tensor.cuda = lambda self, *args, **kwargs: self
    th.nn.Module.cuda = lambda self, *args, **kwargs: self


def random_images(count, seed):
    generator = th.Generator().manual_seed(seed)
    pixels = th.randint(0, 256, (count, 1, 32, 32), generator=generator).float()
    return pixels / 256.0 - 0.5


def dequantised(images):
    return images + th.rand_like(images) / 256.0


def create_model(args, exp, init_images):
    model = exp.create_glow_model(hidden_channels=args.hidden, K=args.steps_per_scale, L=3,
                                  flow_permutation="invconv", flow_coupling="affine",
                                  LU_decomposed=True, n_chans=1, block_type="conv")
    exp.init_all_modules(model, dequantised(init_images), use_y=False, verbose_init=False)
    return model


def timed(images, work):
    """Images per wall-clock second and per CPU second of this process (all threads)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return images / (time.perf_counter() - wall), images / (time.process_time() - cpu)


def time_training(args, exp, outlier):
    images = random_images(args.batch * 4, 1)
    outliers = random_images(args.batch * 4, 2)
    model = create_model(args, exp, images[:128])
    base_model = create_model(args, exp, outliers[:128]) if outlier else None
    optimizer = th.optim.Adamax([p for p in model.parameters() if p.requires_grad], lr=5e-4,
                                weight_decay=5e-5)
    nll_computer = exp.BaseFineIndependent()

    def step(index):
        start = (index % 4) * args.batch
        x = dequantised(images[start:start + args.batch])
        y = th.zeros(args.batch, dtype=th.long)
        exp.check_gradients_clear(optimizer)
        model.train()
        inlier_results = exp.apply_inlier_losses(
            model, None, x, y, nll_computer, add_full_label_loss=False, temperature=1000,
            weight=6000, outlier_batches=None, outlier_loss="class" if outlier else None)
        if outlier:
            out_x = dequantised(outliers[start:start + args.batch])
            exp.apply_outlier_losses(model, base_model, inlier_results, out_x, None,
                                     nll_computer, outlier_loss="class", temperature=1000,
                                     weight=6000)
        if exp.grads_all_finite(optimizer):
            exp.step_and_clear_gradients(optimizer)
        else:
            optimizer.zero_grad()
        n_dims = np.prod(x.shape[1:])
        return th.mean(inlier_results["fine_nll"]).item() / (n_dims * np.log(2))

    for index in range(args.warmup):
        step(index)
    return timed(args.batch * args.steps, lambda: [step(i) for i in range(args.steps)])


def time_scoring(args, exp):
    import invglow.evaluate as evaluate
    images = random_images(args.batch * max(args.steps, 1), 3)
    model = create_model(args, exp, images[:128])
    model.eval()
    node_names = ("m0-flow-0", "m0-act-0", "m0-dist-0", "m0-flow-1", "m0-act-1", "m0-dist-1",
                  "m0-flow-2", "m0-act-2", "m0-dist-2")
    wanted = evaluate.get_nodes_by_names(model, *node_names)
    # Their evaluation adds half the noise interval (1/512), as Glowscope's paper mode does.
    batches = [(images[i:i + args.batch] + 1 / 512, None)
               for i in range(0, images.shape[0], args.batch)]
    evaluate.get_nlls(batches[:max(args.warmup, 1)], wanted, node_names)
    return timed(images.shape[0], lambda: evaluate.get_nlls(batches, wanted, node_names))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", help="folder holding the authors' invglow package")
    parser.add_argument("--mode", choices=("train", "outlier", "score"), default="train")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=6, help="timed steps (score: batches)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--steps-per-scale", type=int, default=8)
    args = parser.parse_args()
    th.set_num_threads(args.threads)
    th.manual_seed(0)
    install_stubs()
    sys.path.insert(0, args.checkout)
    import invglow.exp as exp
    if args.mode == "score":
        rate = time_scoring(args, exp)
    else:
        rate = time_training(args, exp, outlier=args.mode == "outlier")
    print(f"authors {args.mode} threads={args.threads} batch={args.batch} "
          f"images_per_second={rate[0]:.2f} images_per_cpu_second={rate[1]:.2f}")


if __name__ == "__main__":
    main()
