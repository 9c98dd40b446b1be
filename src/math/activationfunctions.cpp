// SPDX-License-Identifier: MIT
#include "activationfunctions.h"

#include <cmath>

// How the 2-ULP contract is met.
//
// Every non-trivial value is computed in long double (64-bit significand on x86_64, exponent
// range to 1e±4932) and rounded to double once. A long double result within a few long double
// ULPs of the truth is within 0.5 + 2⁻¹⁰ double ULPs after that rounding, subnormal results
// included, and neither x², x³ nor e^(βx) can overflow for any double x.
//
// Three things long double alone does not fix, and what is done about each:
// - Cancellation. Every formula is written so that terms of opposite sign never nearly cancel
//   (σ(x) and σ(−x) both from e^(−|x|); tanh and sech² of softplus as ratios of positive
//   polynomials in e^(−|x|); x·σ(2u) instead of (x/2)(1 + tanh u); erfc rather than erf in the
//   left tail), except four derivatives at their roots, which are evaluated from their Taylor
//   expansions about the root (see RootExpansion).
// - Condition numbers of e^z and erfc(t) in their arguments: |z| and about 2t², up to ~745 and
//   ~1500 where the results leave the double range. Where the argument is a rounded product or
//   quotient (βx, x/α, x², x/√2, c₁(x + c₂x³)) it is carried as an exact or near-exact
//   hi + lo pair (Dekker's algorithm in long double) and the exponential is corrected to first
//   order in lo.
// - Double rounding of x/2 for subnormal x in x·σ(x)-like functions (see halfTiesUp).

namespace elu::fn {

namespace {

using Ld = long double;

/// An unevaluated sum hi + lo with |lo| at most about ulp(hi).
struct Ld2
{
    Ld hi;
    Ld lo;
};

/// Veltkamp's split of a long double into two halves of at most 32 significant bits each.
Ld2 split(Ld a)
{
    const Ld scaled = a * 4294967297.0L; // 2³² + 1
    const Ld hi = scaled - (scaled - a);
    return {hi, a - hi};
}

/// a·b exactly as hi + lo (Dekker's two-product; x87 has no fma). Exact whenever nothing
/// overflows or underflows, which long double's range guarantees for every use here (double
/// operands, or a long double quotient x/α times α).
Ld2 twoProduct(Ld a, Ld b)
{
    const Ld hi = a * b;
    const Ld2 as = split(a), bs = split(b);
    const Ld lo = ((as.hi * bs.hi - hi) + as.hi * bs.lo + as.lo * bs.hi) + as.lo * bs.lo;
    return {hi, lo};
}

/// a + b exactly as hi + lo (Knuth's two-sum).
Ld2 twoSum(Ld a, Ld b)
{
    const Ld hi = a + b;
    const Ld bVirtual = hi - a;
    return {hi, (a - (hi - bVirtual)) + (b - bVirtual)};
}

/// e^(z.hi + z.lo) as e^z.hi·(1 + z.lo): the neglected term, z.lo²/2, is far below 2⁻¹⁰⁰.
Ld expOf(Ld2 z)
{
    const Ld e = std::exp(z.hi);
    return e + e * z.lo;
}

/// σ(z) and σ(−z) = 1 − σ(z), both from e^(−|z|) ∈ (0, 1] so that neither is a difference.
struct Sigmoids
{
    Ld pos; ///< σ(z)
    Ld neg; ///< σ(−z)
};

Sigmoids sigmoids(Ld z)
{
    const Ld e = std::exp(-std::fabs(z));
    const Ld large = 1 / (1 + e), small = e * large;
    return z >= 0 ? Sigmoids{large, small} : Sigmoids{small, large};
}

/// σ at z.hi + z.lo: σ(z) ≈ e^z for z ≪ 0 has condition number |z|, so the low part counts.
Sigmoids sigmoids(Ld2 z)
{
    const Sigmoids s = sigmoids(z.hi);
    const Ld shift = z.lo * s.pos * s.neg; // σ′(z)·lo
    return {s.pos + shift, s.neg - shift};
}

/// x/2 rounded to nearest with ties towards +∞, for |x| < tinyX: there x·σ(x), x·Φ(x) and
/// x·σ(2c₁x) are x/2 + (a positive multiple of x²) + …, far below half an ULP, but x/2 itself
/// may be a tie (odd subnormal x). Long double would round the sum to exactly x/2 and the
/// conversion to double would then break the tie to even, 1 ULP off.
constexpr double tinyX = 0x1p-1000;

double halfTiesUp(double x)
{
    const double half = x / 2;
    return Ld(half) < Ld(x) / 2 ? std::nextafter(half, 1.0) : half;
}

/// A derivative f′ near its one root r (about −0.75 to −1.28), where its formula is a
/// difference of nearly equal terms: f′(r + d) = Σₖ aₖ dᵏ for |d| ≤ window, k = 1…12, with r
/// and aₖ from a 100-digit mpmath evaluation (truncation error < 2⁻⁷⁰ relative). Outside the
/// window the direct formula's cancellation costs at most ~0.03 ULP (measured).
struct RootExpansion
{
    double root; ///< r rounded to double
    Ld rootLow;  ///< r − root
    Ld a[12];    ///< a₁ … a₁₂ (trailing zeros where 11 terms suffice)
};

constexpr double rootWindow = 1.0 / 32;

bool nearRoot(double x, const RootExpansion &e)
{
    return std::fabs(x - e.root) <= rootWindow;
}

Ld expandAboutRoot(double x, const RootExpansion &e)
{
    const Ld d = Ld(x - e.root) - e.rootLow; // x − root is exact (Sterbenz)
    Ld sum = 0;
    for (int k = 11; k >= 0; --k)
        sum = sum * d + e.a[k];
    return sum * d;
}

// ---- Gaussian helpers for gelu ---------------------------------------------------------------

constexpr Ld invSqrt2Hi = 0.707106781186547524381894L;             // 1/√2 rounded to 64 bits
constexpr Ld invSqrt2Lo = 1.895032558893257079655062e-20L;         // 1/√2 − invSqrt2Hi
constexpr Ld invSqrt2Pi = 0.398942280401432677939946059934381868L; // 1/√(2π)

/// a/√2 as hi + lo, accurate to ~2⁻¹²⁰ relative.
Ld2 divideBySqrt2(double a)
{
    Ld2 t = twoProduct(a, invSqrt2Hi);
    t.lo += a * invSqrt2Lo;
    return t;
}

/// erfc(t.hi + t.lo). For large t, erfc(t) ≈ e^(−t²)/(t√π) has relative condition number
/// t·g(t) with g = −erfc′/erfc = 2e^(−t²)/(√π·erfc t) ≈ 2t + 1/t (to 0.2% for t ≥ 4, ample
/// for a correction of at most ~2⁻⁵³); below t = 1 the correction is under 2⁻⁶² and skipped.
Ld erfcOf(Ld2 t)
{
    const Ld e = std::erfc(t.hi);
    if (t.hi < 1)
        return e;
    return e - e * t.lo * (2 * t.hi + 1 / t.hi);
}

/// Φ(x) = erfc(−x/√2)/2: erfc, not 1 + erf, keeps full relative accuracy in the left tail.
Ld normalCdf(double x)
{
    return erfcOf(divideBySqrt2(-x)) / 2;
}

/// φ(x) = e^(−x²/2)/√(2π), with x² exact: the exponential's condition number is x²/2.
Ld normalPdf(double x)
{
    const Ld2 square = twoProduct(x, x);
    return expOf({-square.hi / 2, -square.lo / 2}) * invSqrt2Pi;
}

// ---- gelu_tanh helpers ------------------------------------------------------------------------

/// v = 2u = 2c₁·x·(1 + c₂x²). σ(v) ≈ e^v for x ≪ 0 has condition number |v|, up to ~745
/// before gelu_tanh underflows, where the plain long double product (a few 2⁻⁶⁴ relative,
/// times |v|) would cost up to 1 ULP; there v is carried as hi + lo to ~2⁻¹⁰⁰. For x ≥ −4,
/// |v| ≤ 17 and the plain product costs < 0.01 ULP.
Ld2 geluTanhArgument(double x)
{
    if (x >= -4) {
        const Ld xl = x;
        return {2 * Ld(geluTanhC1) * xl * (1 + Ld(geluTanhC2) * xl * xl), 0};
    }
    const Ld2 square = twoProduct(x, x);
    Ld2 c2Square = twoProduct(geluTanhC2, square.hi);
    c2Square.lo += geluTanhC2 * square.lo;
    Ld2 w = twoSum(1, c2Square.hi); // 1 + c₂x²
    w.lo += c2Square.lo;
    const Ld2 a = twoProduct(2 * geluTanhC1, x); // 2c₁x, exact
    Ld2 v = twoProduct(a.hi, w.hi);
    v.lo += a.hi * w.lo + a.lo * w.hi;
    return v;
}

// ---- mish helpers -----------------------------------------------------------------------------

/// tanh(softplus(x)), sech²(softplus(x)) and σ(x), from e = e^(−|x|) with only positive terms:
/// with n = e(e + 2) for x ≤ 0 (e = eˣ), tanh = n/(n + 2) and sech² = 4(n + 1)/(n + 2)²; for
/// x > 0 (e = e^(−x)), tanh = (1 + 2e)/D and sech² = 4e²(1 + e)²/D² with D = 1 + 2e + 2e².
struct MishParts
{
    Ld tanhSp;
    Ld sech2Sp;
    Ld sigma;
};

MishParts mishParts(double x)
{
    const Ld e = std::exp(-std::fabs(Ld(x)));
    const Ld sigmaLarge = 1 / (1 + e);
    if (x <= 0) {
        const Ld n = e * (e + 2), inverse = 1 / (n + 2);
        return {n * inverse, 4 * (n + 1) * inverse * inverse, e * sigmaLarge};
    }
    const Ld inverse = 1 / (1 + 2 * e + 2 * e * e);
    const Ld g = 2 * e * (1 + e) * inverse;
    return {(1 + 2 * e) * inverse, g * g, sigmaLarge};
}

// ---- Taylor expansions about the derivatives' roots (mpmath, 100 digits) ----------------------

constexpr RootExpansion geluRoot{
    -0.7517915246935645,
    1.49567591770098832732056e-17L,
    {4.31493992314046919786507e-1L, 3.8828498299055199785808e-1L, -1.81996763986710871005693e-2L,
     -1.14008233297221708552437e-1L, -1.47715221482443377178381e-2L, 1.94216798381890658890343e-2L,
     4.53922837912541557363431e-3L, -2.23953806807349715127895e-3L, -7.44826838674681624273135e-4L,
     1.86339746232335132804437e-4L, 8.61594786111657162779447e-5L, 0.0L}};

constexpr RootExpansion siluRoot{
    -1.2784645427610737,
    -1.09469941830934374304504e-16L,
    {2.17811705719800098779703e-1L, 1.46648796996946900179408e-1L, 1.88748142237823134071634e-2L,
     -1.52226552231880316887818e-2L, -6.60658913835669643630117e-3L, 1.26627410081121997271642e-4L,
     7.98521881839799776122149e-4L, 1.85707243611864956527433e-4L, -4.09053423742861168051543e-5L,
     -2.97335422132639158387753e-5L, -2.94263188884246399391722e-6L, 0.0L}};

constexpr RootExpansion mishRoot{-1.1924312145154952,
                                 -4.84848298480310455493614e-17L,
                                 {2.66947914049534511316623e-1L, 2.04731264080105866347706e-1L,
                                  4.19078210436098730808552e-2L, -2.02718227166842461281011e-2L,
                                  -1.58211265617333809820724e-2L, -3.36068492702326866830164e-3L,
                                  1.0924055409445854930521e-3L, 9.89818102128919669607639e-4L,
                                  2.54129363861910731868257e-4L, -4.19614960316961287911902e-5L,
                                  -5.58289156736068789089054e-5L, -1.72992708103043995564514e-5L}};

constexpr RootExpansion geluTanhRoot{
    -0.7524614220710162,
    -3.47369168130818519026448e-17L,
    {4.30400091024858522913615e-1L, 3.87518446135788973119077e-1L, -1.57828535218480139345806e-2L,
     -1.13944483080959015393268e-1L, -1.66193283430525790934094e-2L, 1.96823094598331238308734e-2L,
     5.26105925492191844840827e-3L, -2.42273184587509761237989e-3L, -9.27442023020546486400288e-4L,
     2.63927640526810321887874e-4L, 1.24252278026398093275695e-4L, -3.49561716944360443088658e-5L}};

} // namespace

// ---- Piecewise linear -------------------------------------------------------------------------

double relu(double x) noexcept
{
    return x > 0 ? x : 0.0;
}

double reluDerivative(double x) noexcept
{
    return x > 0 ? 1.0 : 0.0;
}

double leakyRelu(double x, double slope) noexcept
{
    return x > 0 ? x : slope * x; // one correctly rounded product
}

double leakyReluDerivative(double x, double slope) noexcept
{
    return x > 0 ? 1.0 : slope;
}

// ---- Exponential family -----------------------------------------------------------------------

double celu(double x, double alpha) noexcept
{
    if (x > 0)
        return x;
    // expm1's relative condition number is at most 1 for x ≤ 0: x/α rounded in long double will
    // do, and expm1 keeps the digits that exp(q) − 1 would cancel.
    return double(alpha * std::expm1(Ld(x) / alpha));
}

double celuDerivative(double x, double alpha) noexcept
{
    if (x > 0)
        return 1.0;
    // e^(x/α) has condition number |x/α| (700 at α = 0.01, x = −7): carry x/α as q + r with
    // the remainder r = (x − qα)/α from the exact product qα.
    const Ld q = Ld(x) / alpha;
    const Ld2 qAlpha = twoProduct(q, alpha);
    return double(expOf({q, ((x - qAlpha.hi) - qAlpha.lo) / alpha})); // x − qα.hi is exact
}

namespace {
constexpr Ld seluScale = Ld(seluLambda) * seluAlpha; // λα to 64 bits
} // namespace

double selu(double x) noexcept
{
    if (x > 0)
        return seluLambda * x; // one correctly rounded product
    return double(seluScale * std::expm1(Ld(x)));
}

double seluDerivative(double x) noexcept
{
    if (x > 0)
        return seluLambda;
    if (x == 0)
        return seluLambda * seluAlpha; // PyTorch's value; an IEEE product is correctly rounded
    return double(seluScale * std::exp(Ld(x)));
}

// ---- Gaussian ---------------------------------------------------------------------------------

double gelu(double x) noexcept
{
    if (std::fabs(x) < tinyX)
        return halfTiesUp(x); // x/2 + x²/√(2π)
    return double(x * normalCdf(x));
}

double geluDerivative(double x) noexcept
{
    if (nearRoot(x, geluRoot))
        return double(expandAboutRoot(x, geluRoot));
    // For x ≪ 0 the terms have opposite signs but Φ(x) ≈ |x|φ(x)/x², so they never cancel
    // by more than a factor 2 outside the root's window.
    return double(normalCdf(x) + x * normalPdf(x));
}

double geluTanh(double x) noexcept
{
    if (std::fabs(x) < tinyX)
        return halfTiesUp(x); // x/2 + c₁x²/2
    // (x/2)(1 + tanh u) = x·σ(2u): no 1 + tanh(u) → 0 cancellation for u → −∞.
    return double(x * sigmoids(geluTanhArgument(x)).pos);
}

double geluTanhDerivative(double x) noexcept
{
    if (nearRoot(x, geluTanhRoot))
        return double(expandAboutRoot(x, geluTanhRoot));
    // f′ = σ(v)·(1 + x·σ(−v)·v′), v = 2u, v′ = 2c₁(1 + 3c₂x²); σ(−v) is computed, not 1 − σ(v).
    const Sigmoids s = sigmoids(geluTanhArgument(x));
    const Ld xl = x;
    const Ld vPrime = 2 * Ld(geluTanhC1) * (1 + 3 * Ld(geluTanhC2) * xl * xl);
    return double(s.pos * (1 + xl * s.neg * vPrime));
}

// ---- Sigmoid family ---------------------------------------------------------------------------

double silu(double x) noexcept
{
    if (std::fabs(x) < tinyX)
        return halfTiesUp(x); // x/2 + x²/4
    return double(x * sigmoids(Ld(x)).pos);
}

double siluDerivative(double x) noexcept
{
    if (nearRoot(x, siluRoot))
        return double(expandAboutRoot(x, siluRoot));
    // σ(x)(1 + x·σ(−x)) with σ(−x) computed directly, not as 1 − σ(x).
    const Sigmoids s = sigmoids(Ld(x));
    return double(s.pos * (1 + x * s.neg));
}

double softplus(double x, double beta) noexcept
{
    // βx exactly: log1p(e^(βx)) ≈ e^(βx) for βx ≪ 0 has condition number |βx|.
    const Ld2 z = twoProduct(beta, x);
    Ld sp;
    if (z.hi > 0) {
        // βx + log1p(e^(−βx)), so that e^(βx) cannot overflow (it would beyond βx ≈ 11356).
        sp = z.hi + (z.lo + std::log1p(std::exp(-z.hi)));
    } else {
        const Ld e = std::exp(z.hi);
        // First-order term in z.lo, σ(βx)·z.lo; σ ≈ e where the term matters (βx ≪ 0).
        sp = std::log1p(e) + z.lo * e;
    }
    return double(sp / beta);
}

double softplusDerivative(double x, double beta) noexcept
{
    return double(sigmoids(twoProduct(beta, x)).pos);
}

double mish(double x) noexcept
{
    return double(x * mishParts(x).tanhSp);
}

double mishDerivative(double x) noexcept
{
    if (nearRoot(x, mishRoot))
        return double(expandAboutRoot(x, mishRoot));
    // tanh(sp) + x·sech²(sp)·σ(x); opposite signs only for x < 0, where the sum is
    // ≈ eˣ(1 + x) away from the root.
    const MishParts p = mishParts(x);
    return double(p.tanhSp + x * p.sech2Sp * p.sigma);
}

double sigmoid(double x) noexcept
{
    return double(sigmoids(Ld(x)).pos);
}

double sigmoidDerivative(double x) noexcept
{
    // σ(x)·σ(−x), not σ(x)(1 − σ(x)), which is 0 for x > 37.
    const Sigmoids s = sigmoids(Ld(x));
    return double(s.pos * s.neg);
}

double tanh(double x) noexcept
{
    return double(std::tanh(Ld(x)));
}

double tanhDerivative(double x) noexcept
{
    // sech²(x) = 4e/(1 + e)² with e = e^(−2|x|): 1 − tanh²(x) cancels for |x| > 19.
    const Ld e = std::exp(-2 * std::fabs(Ld(x)));
    return double(4 * e / ((1 + e) * (1 + e)));
}

} // namespace elu::fn
