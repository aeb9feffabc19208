#include "core/flows/coupling_net_cpu.h"

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/empty_like.h>
#include <ATen/ops/tensor.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <numeric>
#include <utility>
#include <vector>

#include "core/runtime/parallel.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GLOWSCOPE_FUSED_NET 1
#include <immintrin.h>
// Only these functions use AVX-512; the rest of the file (and of the build) stays baseline
// x86-64, and fusedCouplingNetApplies asks the CPU before any of them runs.
#define GLOWSCOPE_AVX512 __attribute__((target("avx512f,fma")))
// GCC 12's unmasked forms of max, min, scalef, getexp, getmant and roundscale pass an undefined
// source operand and warn; their full-mask forms do the same work. max(0, v) and min(0, v) return
// v when it is NaN (the second operand), so NaN stays NaN as in ATen.
constexpr __mmask16 kAll = 0xFFFF;
#endif

namespace glowscope {
namespace {

std::atomic<bool> gEnabled{true};

constexpr std::int64_t kLanes = 16;  // floats in a zmm register
constexpr int kTileVectors = 4;      // at most four zmm columns per register tile

std::int64_t roundUpToLanes(std::int64_t n) { return (n + kLanes - 1) / kLanes * kLanes; }

bool cpuHasAvx512() {
#ifdef GLOWSCOPE_FUSED_NET
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
  return has;
#else
  return false;
#endif
}

/// The three convolutions as row-major matrix products on one image's pixels: the 3x3 input
/// convolution over im2col columns (K = 9*cin, tap-major), the 1x1 as it is, and the 3x3 output
/// convolution to the nine taps of every output channel (N = 9*cout, padded to whole registers),
/// which each pixel then sums from its neighbours.
struct PackedNet {
  at::Tensor b1, bias1;  // (9*cin, hidden), (hidden)
  at::Tensor b2, bias2;  // (hidden, hidden), (hidden)
  at::Tensor b3, bias3;  // (hidden, taps3), (cout)
  std::int64_t cin = 0, hidden = 0, cout = 0, taps3 = 0;
};

PackedNet pack(const FoldedCouplingNet& net) {
  PackedNet p;
  p.hidden = net.conv1Weight.size(0);
  p.cin = net.conv1Weight.size(1);
  p.cout = net.conv3Weight.size(0);
  p.taps3 = roundUpToLanes(9 * p.cout);
  // B1[t*cin + c, n] = W1[n, c, ky, kx] with t = 3*ky + kx.
  p.b1 = net.conv1Weight.permute({2, 3, 1, 0}).reshape({9 * p.cin, p.hidden}).contiguous();
  p.b2 = net.conv2Weight.reshape({p.hidden, p.hidden}).t().contiguous();
  // B3[c, t*cout + o] = W3[o, c, ky, kx], zero columns up to a whole register.
  const at::Tensor b3 = net.conv3Weight.permute({1, 2, 3, 0}).reshape({p.hidden, 9 * p.cout});
  p.b3 = at::constant_pad_nd(b3, {0, p.taps3 - 9 * p.cout}, 0.0).contiguous();
  p.bias1 = net.bias1.contiguous();
  p.bias2 = net.bias2.contiguous();
  p.bias3 = net.bias3.contiguous();
  // The kernel reads raw float pointers inside the parallel region, where an error could not be
  // thrown: refuse other weights here.
  for (const at::Tensor* t : {&p.b1, &p.b2, &p.b3, &p.bias1, &p.bias2, &p.bias3})
    TORCH_CHECK(t->is_cpu() && t->scalar_type() == at::kFloat,
                "fused coupling net: float32 CPU weights expected, got ", t->toString());
  return p;
}

/// C (m x n) = A (m x k, row stride lda) * B (k x n, n a multiple of 16) [+ bias] [then ReLU].
struct MatrixProduct {
  const float* a;
  std::int64_t lda;
  const float* b;
  const float* bias;  // n floats or nullptr
  float* c;
  std::int64_t m, k, n;
  bool relu;
};

#ifdef GLOWSCOPE_FUSED_NET

/// One register tile: ROWS pixels x VECTORS*16 channels, accumulated over all of k in registers.
template <int ROWS, int VECTORS>
GLOWSCOPE_AVX512 void productTile(const MatrixProduct& g, std::int64_t row, std::int64_t col) {
  __m512 acc[ROWS][VECTORS];
#pragma GCC unroll 4
  for (int j = 0; j < VECTORS; ++j) {
    const __m512 init = g.bias ? _mm512_loadu_ps(g.bias + col + kLanes * j) : _mm512_setzero_ps();
#pragma GCC unroll 12
    for (int i = 0; i < ROWS; ++i) acc[i][j] = init;
  }
  const float* a = g.a + row * g.lda;
  const float* b = g.b + col;
  for (std::int64_t kk = 0; kk < g.k; ++kk, b += g.n) {
    __m512 bv[VECTORS];
#pragma GCC unroll 4
    for (int j = 0; j < VECTORS; ++j) bv[j] = _mm512_loadu_ps(b + kLanes * j);
#pragma GCC unroll 12
    for (int i = 0; i < ROWS; ++i) {
      const __m512 av = _mm512_set1_ps(a[i * g.lda + kk]);
#pragma GCC unroll 4
      for (int j = 0; j < VECTORS; ++j) acc[i][j] = _mm512_fmadd_ps(av, bv[j], acc[i][j]);
    }
  }
  const __m512 zero = _mm512_setzero_ps();
#pragma GCC unroll 12
  for (int i = 0; i < ROWS; ++i) {
    float* c = g.c + (row + i) * g.n + col;
#pragma GCC unroll 4
    for (int j = 0; j < VECTORS; ++j)
      _mm512_storeu_ps(c + kLanes * j,
                       g.relu ? _mm512_mask_max_ps(acc[i][j], kAll, zero, acc[i][j]) : acc[i][j]);
  }
}

using TileFunction = void (*)(const MatrixProduct&, std::int64_t, std::int64_t);

constexpr int kMaxTileRows = 12;

template <int VECTORS, int... ROWS>
constexpr std::array<TileFunction, sizeof...(ROWS)> tilesOfWidth(
    std::integer_sequence<int, ROWS...>) {
  return {&productTile<ROWS + 1, VECTORS>...};
}

TileFunction tileFunction(int rows, int vectors) {
  constexpr auto rowCounts = std::make_integer_sequence<int, kMaxTileRows>{};
  static constexpr std::array<std::array<TileFunction, kMaxTileRows>, kTileVectors> table = {
      tilesOfWidth<1>(rowCounts), tilesOfWidth<2>(rowCounts), tilesOfWidth<3>(rowCounts),
      tilesOfWidth<4>(rowCounts)};
  return table[vectors - 1][rows - 1];
}

/// Pixels per register tile of `vectors` zmm columns: about 24 accumulators (of 32 registers),
/// at least 12 so that the FMA latency stays hidden on narrow tiles.
int tileRows(int vectors) { return std::min(kMaxTileRows, 24 / vectors); }

/// Column blocks of at most four registers, as even as possible (nine registers: 3+3+3, not
/// 4+4+1), outside; the pixel tiles pass under each block while B's block (k x 64) stays in L1.
void multiply(const MatrixProduct& g) {
  const int totalVectors = static_cast<int>(g.n / kLanes);
  const int blocks = (totalVectors + kTileVectors - 1) / kTileVectors;
  std::int64_t col = 0;
  for (int block = 0; block < blocks; ++block) {
    const int vectors = (totalVectors + block) / blocks;  // sums to totalVectors over the blocks
    const int rows = tileRows(vectors);
    const TileFunction full = tileFunction(rows, vectors);
    std::int64_t row = 0;
    for (; row + rows <= g.m; row += rows) full(g, row, col);
    if (row < g.m) tileFunction(static_cast<int>(g.m - row), vectors)(g, row, col);
    col += vectors * kLanes;
  }
}

/// exp(x) for x <= 0 (Cephes' expf: x = n ln2 + f, |f| <= ln2/2, a degree-6 polynomial in f,
/// then 2^n exactly by scalef), about 1 ulp; NaN stays NaN (max and min return their second
/// operand when either is NaN).
GLOWSCOPE_AVX512 inline __m512 expNonPositive(__m512 x) {
  x = _mm512_mask_max_ps(x, kAll, _mm512_set1_ps(-87.3f), x);  // below, exp underflows to 0
  const __m512 scaled = _mm512_mul_ps(x, _mm512_set1_ps(1.44269504f));
  const __m512 n = _mm512_mask_roundscale_ps(scaled, kAll, scaled,
                                             _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512 f = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
  f = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), f);
  __m512 p = _mm512_set1_ps(1.9875691500e-4f);
  for (const float c :
       {1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f})
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(c));
  const __m512 y = _mm512_add_ps(_mm512_fmadd_ps(p, _mm512_mul_ps(f, f), f), _mm512_set1_ps(1.0f));
  return _mm512_mask_scalef_ps(y, kAll, y, n);
}

/// log(u) for u > 0 (Cephes' logf: u = m 2^k with m in [sqrt(1/2), sqrt(2)), a degree-8
/// polynomial in m - 1), about 1 ulp.
GLOWSCOPE_AVX512 inline __m512 logPositive(__m512 u) {
  __m512 k = _mm512_mask_getexp_ps(u, kAll, u);
  __m512 m = _mm512_mask_getmant_ps(u, kAll, u, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_src);
  const __mmask16 high = _mm512_cmp_ps_mask(m, _mm512_set1_ps(1.41421356f), _CMP_GT_OQ);
  m = _mm512_mask_mul_ps(m, high, m, _mm512_set1_ps(0.5f));
  k = _mm512_mask_add_ps(k, high, k, _mm512_set1_ps(1.0f));
  const __m512 f = _mm512_sub_ps(m, _mm512_set1_ps(1.0f)), f2 = _mm512_mul_ps(f, f);
  __m512 p = _mm512_set1_ps(7.0376836292e-2f);
  for (const float c : {-1.1514610310e-1f, 1.1676998740e-1f, -1.2420140846e-1f, 1.4249322787e-1f,
                        -1.6668057665e-1f, 2.0000714765e-1f, -2.4999993993e-1f, 3.3333331174e-1f})
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(c));
  __m512 y = _mm512_mul_ps(_mm512_mul_ps(p, f), f2);
  y = _mm512_fmadd_ps(k, _mm512_set1_ps(-2.12194440e-4f), y);
  y = _mm512_fnmadd_ps(_mm512_set1_ps(0.5f), f2, y);
  return _mm512_fmadd_ps(k, _mm512_set1_ps(0.693359375f), _mm512_add_ps(f, y));
}

/// The affine coupling's elementwise part on one image: with r = raw + 2 (the +2 is in the
/// bias), y2 = (x2 + shift) * sigmoid(r) and the sum of log sigmoid(r) = min(r, 0) - log1p(e),
/// e = exp(-|r|), log1p(e) = log(1 + e) * e / ((1 + e) - 1) (exact for tiny e too).
GLOWSCOPE_AVX512 float affineCouplingPixels(const float* netOut, const float* x2, float* y2,
                                            std::int64_t halfChannels, std::int64_t pixels) {
  const __m512 one = _mm512_set1_ps(1.0f), zero = _mm512_setzero_ps();
  __m512 logSum = zero;
  for (std::int64_t j = 0; j < halfChannels; ++j) {
    const float* shift = netOut + 2 * j * pixels;
    const float* raw = shift + pixels;
    for (std::int64_t p = 0; p < pixels; p += kLanes) {
      const __mmask16 lanes =
          pixels - p >= kLanes ? __mmask16(0xFFFF) : __mmask16((1u << (pixels - p)) - 1);
      const __m512 r = _mm512_maskz_loadu_ps(lanes, raw + p);
      const __m512 e = expNonPositive(_mm512_sub_ps(zero, _mm512_abs_ps(r)));
      const __m512 u = _mm512_add_ps(one, e), d = _mm512_sub_ps(u, one);
      const __mmask16 tiny = _mm512_cmp_ps_mask(d, zero, _CMP_EQ_OQ);
      const __m512 log1pE =
          _mm512_mask_blend_ps(tiny, _mm512_mul_ps(logPositive(u), _mm512_div_ps(e, d)), e);
      const __m512 logSigmoid = _mm512_sub_ps(_mm512_mask_min_ps(r, kAll, zero, r), log1pE);
      const __mmask16 positive = _mm512_cmp_ps_mask(r, zero, _CMP_GE_OQ);
      const __m512 sigmoid = _mm512_div_ps(_mm512_mask_blend_ps(positive, e, one), u);
      const __m512 shifted = _mm512_add_ps(_mm512_maskz_loadu_ps(lanes, x2 + j * pixels + p),
                                           _mm512_maskz_loadu_ps(lanes, shift + p));
      _mm512_mask_storeu_ps(y2 + j * pixels + p, lanes, _mm512_mul_ps(shifted, sigmoid));
      logSum = _mm512_mask_add_ps(logSum, lanes, logSum, logSigmoid);
    }
  }
  float sums[kLanes];
  _mm512_storeu_ps(sums, logSum);
  return std::accumulate(sums, sums + kLanes, 0.0f);
}

#endif  // GLOWSCOPE_FUSED_NET

/// The columns x range [first, last) of a tap's shift dx whose source x + dx lies in the image.
struct TapRange {
  std::int64_t dy, dx, first, last;
  TapRange(int tap, std::int64_t width)
      : dy(tap / 3 - 1),
        dx(tap % 3 - 1),
        first(std::max<std::int64_t>(0, -dx)),
        last(std::min<std::int64_t>(width, width - dx)) {}
};

/// im2col of one image (cin, H, W) into (H*W, 9*cin), tap-major, zero outside the image. Tap by
/// tap and row by row, so that the inner loops run without branches.
void gatherColumns(const float* image, std::int64_t cin, std::int64_t height, std::int64_t width,
                   float* columns) {
  const std::int64_t pixels = height * width, stride = 9 * cin;
  std::fill(columns, columns + pixels * stride, 0.0f);
  for (int t = 0; t < 9; ++t) {
    const TapRange tap(t, width);
    for (std::int64_t y = std::max<std::int64_t>(0, -tap.dy); y < std::min(height, height - tap.dy);
         ++y)
      for (std::int64_t c = 0; c < cin; ++c) {
        const float* from = image + c * pixels + (y + tap.dy) * width + tap.dx;
        float* to = columns + y * width * stride + t * cin + c;
        for (std::int64_t x = tap.first; x < tap.last; ++x) to[x * stride] = from[x];
      }
  }
}

/// out[o, y, x] = bias[o] + sum over taps t of taps[(y + ky - 1, x + kx - 1), t*cout + o], in
/// the same branch-free order.
void sumTaps(const float* taps, std::int64_t stride, const float* bias, std::int64_t cout,
             std::int64_t height, std::int64_t width, float* out) {
  const std::int64_t pixels = height * width;
  for (std::int64_t o = 0; o < cout; ++o)
    std::fill(out + o * pixels, out + (o + 1) * pixels, bias[o]);
  for (int t = 0; t < 9; ++t) {
    const TapRange tap(t, width);
    for (std::int64_t y = std::max<std::int64_t>(0, -tap.dy); y < std::min(height, height - tap.dy);
         ++y) {
      const float* row = taps + ((y + tap.dy) * width + tap.dx) * stride + t * cout;
      for (std::int64_t o = 0; o < cout; ++o) {
        float* to = out + o * pixels + y * width;
        for (std::int64_t x = tap.first; x < tap.last; ++x) to[x] += row[x * stride + o];
      }
    }
  }
}

/// Images per pass: small images (the last scales) go through the matrix products together, so
/// that the pixel tiles stay full; a pass's hidden activations stay about 128 KiB at hidden 128.
std::int64_t imagesPerPass(std::int64_t pixels) {
  constexpr std::int64_t kPassPixels = 256;
  return std::max<std::int64_t>(1, kPassPixels / pixels);
}

/// Where the images' passes read and write. Net: input (B, cin, P) -> netOutput (B, cout, P).
/// Coupling: input is x (B, 2*cin, P) (the conditioning half first), -> couplingOutput
/// (B, 2*cin, P) and logDet (B).
struct NetIo {
  const float* input;
  std::int64_t inputImageStride;
  float* netOutput = nullptr;
  float* couplingOutput = nullptr;
  float* logDet = nullptr;
};

/// One image's net output (cout, P) in `netOut`, written out as the net's or the coupling's.
void finishImage(const PackedNet& net, const NetIo& io, std::int64_t image, std::int64_t pixels,
                 const float* netOut) {
#ifdef GLOWSCOPE_FUSED_NET
  const float* x = io.input + image * io.inputImageStride;
  float* y = io.couplingOutput + image * 2 * net.cin * pixels;
  std::copy(x, x + net.cin * pixels, y);
  io.logDet[image] =
      affineCouplingPixels(netOut, x + net.cin * pixels, y + net.cin * pixels, net.cin, pixels);
#else
  (void)net, (void)io, (void)image, (void)pixels, (void)netOut;
#endif
}

/// The net on images [begin, end), a pass of a few images at a time.
void runImages(const PackedNet& net, const NetIo& io, std::int64_t height, std::int64_t width,
               std::int64_t begin, std::int64_t end) {
#ifdef GLOWSCOPE_FUSED_NET
  const std::int64_t pixels = height * width, passImages = imagesPerPass(pixels);
  const std::int64_t k1 = 9 * net.cin, rowsPerPass = passImages * pixels;
  std::vector<float> columns(static_cast<size_t>(rowsPerPass * k1));
  // The first hidden layer's buffer is dead once the second exists, and then holds the taps.
  std::vector<float> hidden1(static_cast<size_t>(rowsPerPass * std::max(net.hidden, net.taps3)));
  std::vector<float> hidden2(static_cast<size_t>(rowsPerPass * net.hidden));
  std::vector<float> netOut(static_cast<size_t>(io.netOutput ? 0 : net.cout * pixels));
  for (std::int64_t first = begin; first < end; first += passImages) {
    const std::int64_t images = std::min(passImages, end - first), rows = images * pixels;
    for (std::int64_t i = 0; i < images; ++i)
      gatherColumns(io.input + (first + i) * io.inputImageStride, net.cin, height, width,
                    columns.data() + i * pixels * k1);
    multiply({columns.data(), k1, net.b1.data_ptr<float>(), net.bias1.data_ptr<float>(),
              hidden1.data(), rows, k1, net.hidden, true});
    multiply({hidden1.data(), net.hidden, net.b2.data_ptr<float>(), net.bias2.data_ptr<float>(),
              hidden2.data(), rows, net.hidden, net.hidden, true});
    multiply({hidden2.data(), net.hidden, net.b3.data_ptr<float>(), nullptr, hidden1.data(), rows,
              net.hidden, net.taps3, false});
    for (std::int64_t i = 0, image = first; i < images; ++i, ++image) {
      float* out = io.netOutput ? io.netOutput + image * net.cout * pixels : netOut.data();
      sumTaps(hidden1.data() + i * pixels * net.taps3, net.taps3, net.bias3.data_ptr<float>(),
              net.cout, height, width, out);
      if (!io.netOutput) finishImage(net, io, image, pixels, out);
    }
  }
#else
  (void)net, (void)io, (void)height, (void)width, (void)begin, (void)end;
#endif
}

/// All images of the batch, the passes split between the intra-op threads.
void runBatch(const PackedNet& net, const NetIo& io, std::int64_t batch, std::int64_t height,
              std::int64_t width) {
  const std::int64_t passImages = imagesPerPass(height * width);
  const std::int64_t passes = (batch + passImages - 1) / passImages;
  at::parallel_for(0, passes, 1, [&](std::int64_t begin, std::int64_t end) {
    runImages(net, io, height, width, begin * passImages, std::min(batch, end * passImages));
  });
}

}  // namespace

bool fusedCouplingNetApplies(const at::Tensor& input, std::int64_t hiddenChannels) {
  return gEnabled.load(std::memory_order_relaxed) && cpuHasAvx512() && input.is_cpu() &&
         input.scalar_type() == at::kFloat && input.dim() == 4 && !at::GradMode::is_enabled() &&
         hiddenChannels % kLanes == 0;
}

at::Tensor fusedCouplingNet(const at::Tensor& input, const FoldedCouplingNet& net) {
  const PackedNet packed = pack(net);
  const at::Tensor x = input.contiguous();
  const std::int64_t batch = x.size(0), height = x.size(2), width = x.size(3);
  at::Tensor output = at::empty({batch, packed.cout, height, width}, x.options());
  NetIo io{x.data_ptr<float>(), packed.cin * height * width};
  io.netOutput = output.data_ptr<float>();
  runBatch(packed, io, batch, height, width);
  return output;
}

FusedCouplingOutput fusedAffineCoupling(const at::Tensor& x, const FoldedCouplingNet& net) {
  // The coupling's raw scale is h[:, 1::2] + 2: the 2 goes into the odd output biases.
  FoldedCouplingNet shifted = net;
  shifted.bias3 =
      (net.bias3.view({-1, 2}) + at::tensor({0.0f, 2.0f}, net.bias3.options())).flatten();
  const PackedNet packed = pack(shifted);
  const at::Tensor input = x.contiguous();
  const std::int64_t batch = input.size(0), height = input.size(2), width = input.size(3);
  FusedCouplingOutput result{at::empty_like(input), at::empty({batch}, input.options())};
  NetIo io{input.data_ptr<float>(), 2 * packed.cin * height * width};
  io.couplingOutput = result.output.data_ptr<float>();
  io.logDet = result.logDet.data_ptr<float>();
  runBatch(packed, io, batch, height, width);
  return result;
}

void setFusedCouplingNetEnabled(bool enabled) { gEnabled.store(enabled); }

}  // namespace glowscope
