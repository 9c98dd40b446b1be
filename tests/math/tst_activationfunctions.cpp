// SPDX-License-Identifier: MIT
#include "activationfunctions.h"
#include "elu.h"
#include "testsupport.h"

#include <QTest>

#include <quadmath.h>

#include <algorithm>
#include <cfloat>
#include <vector>

using testsupport::ulpDistance;

namespace {

// ---- An independent reference in __float128 (113-bit significand) -----------------------------
//
// Textbook formulas, evaluated in quad precision, are trustworthy wherever they do not cancel
// catastrophically: their rounding errors are ~2⁻¹¹⁰ relative, and arguments such as x/α, βx,
// x²/2 or c₁(x + c₂x³), rounded to 113 bits, cost at most their condition number (≤ ~1500)
// times that. Forms that would fail in quad precision are avoided even here: softplus as
// max(z, 0) + log1p(e^(−|z|)) (e^z overflows quad at z > 11356), sech² as 1/cosh² (1 − tanh²
// is 0 for |x| > 39), σ(x)σ(−x) for σ′. The one place the reference itself cancels is each
// derivative's root (−0.7518 for gelu′, −0.7525 gelu_tanh′, −1.2785 silu′, −1.1924 mish′), where
// it is accurate to ~10⁻³⁴ absolutely: the sweeps keep 10⁻¹² away from the roots (≤ 10⁻⁵ ULP
// of reference error there) and rootNeighbourhoods() checks the doubles next to each root
// against 320-bit mpmath values.
using Quad = __float128;

Quad sigmoidQ(Quad z)
{
    return 1 / (1 + expq(-z)); // 1/(1 + ∞) = 0 far left, no cancellation anywhere
}

Quad normalCdfQ(Quad x)
{
    return erfcq(-x / sqrtq(2)) / 2;
}

Quad normalPdfQ(Quad x)
{
    return expq(-x * x / 2) / sqrtq(2 * acosq(-1));
}

Quad softplusQ(Quad z)
{
    return fmaxq(z, 0) + log1pq(expq(-fabsq(z)));
}

Quad geluTanhArgumentQ(Quad x) // v = 2u = 2c₁(x + c₂x³)
{
    return 2 * Quad(elu::fn::geluTanhC1) * (x + Quad(elu::fn::geluTanhC2) * x * x * x);
}

/// One activation of the catalogue: the functions under test (parameter ignored where there
/// is none) and their quad references.
struct Activation
{
    const char *id;
    const char *parameterName; ///< nullptr when there is no parameter
    double (*value)(double x, double p);
    double (*derivative)(double x, double p);
    Quad (*referenceValue)(Quad x, Quad p);
    Quad (*referenceDerivative)(Quad x, Quad p);
    std::vector<double> sweepParameters; ///< including the ends of the accepted range
};

const std::vector<Activation> &activations()
{
    namespace fn = elu::fn;
    static const Quad seluLambdaQ = fn::seluLambda;
    static const Quad seluScaleQ = Quad(fn::seluLambda) * Quad(fn::seluAlpha); // exact product
    static const std::vector<Activation> table{
        {"relu",
         nullptr,
         [](double x, double) { return fn::relu(x); },
         [](double x, double) { return fn::reluDerivative(x); },
         [](Quad x, Quad) { return x > 0 ? x : Quad(0); },
         [](Quad x, Quad) { return x > 0 ? Quad(1) : Quad(0); },
         {0.0}},
        {"leaky_relu",
         "negative_slope",
         fn::leakyRelu,
         fn::leakyReluDerivative,
         [](Quad x, Quad s) { return x > 0 ? x : s * x; },
         [](Quad x, Quad s) { return x > 0 ? Quad(1) : s; },
         {0.0, 1e-300, 0.01, 0.2, 1.0}},
        {"celu",
         "alpha",
         fn::celu,
         fn::celuDerivative,
         [](Quad x, Quad a) { return x > 0 ? x : a * expm1q(x / a); },
         [](Quad x, Quad a) { return x > 0 ? Quad(1) : expq(x / a); },
         {1e-300, 0.01, 0.5, 1.0, 3.0, 100.0}},
        {"selu",
         nullptr,
         [](double x, double) { return fn::selu(x); },
         [](double x, double) { return fn::seluDerivative(x); },
         [](Quad x, Quad) { return x > 0 ? seluLambdaQ * x : seluScaleQ * expm1q(x); },
         [](Quad x, Quad) { return x > 0 ? seluLambdaQ : seluScaleQ * expq(x); },
         {0.0}},
        {"gelu",
         nullptr,
         [](double x, double) { return fn::gelu(x); },
         [](double x, double) { return fn::geluDerivative(x); },
         [](Quad x, Quad) { return x * normalCdfQ(x); },
         [](Quad x, Quad) { return normalCdfQ(x) + x * normalPdfQ(x); },
         {0.0}},
        {"gelu_tanh",
         nullptr,
         [](double x, double) { return fn::geluTanh(x); },
         [](double x, double) { return fn::geluTanhDerivative(x); },
         [](Quad x, Quad) { return x * sigmoidQ(geluTanhArgumentQ(x)); },
         [](Quad x, Quad) {
             const Quad v = geluTanhArgumentQ(x);
             const Quad vPrime = 2 * Quad(fn::geluTanhC1) * (1 + 3 * Quad(fn::geluTanhC2) * x * x);
             return sigmoidQ(v) * (1 + x * sigmoidQ(-v) * vPrime);
         },
         {0.0}},
        {"silu",
         nullptr,
         [](double x, double) { return fn::silu(x); },
         [](double x, double) { return fn::siluDerivative(x); },
         [](Quad x, Quad) { return x * sigmoidQ(x); },
         [](Quad x, Quad) { return sigmoidQ(x) * (1 + x * sigmoidQ(-x)); },
         {0.0}},
        {"softplus",
         "beta",
         fn::softplus,
         fn::softplusDerivative,
         [](Quad x, Quad b) { return softplusQ(b * x) / b; }, // b·x: exact in quad
         [](Quad x, Quad b) { return sigmoidQ(b * x); },
         {1e-300, 0.01, 0.5, 1.0, 2.0, 10.0, 100.0}},
        {"mish",
         nullptr,
         [](double x, double) { return fn::mish(x); },
         [](double x, double) { return fn::mishDerivative(x); },
         [](Quad x, Quad) { return x * tanhq(softplusQ(x)); },
         [](Quad x, Quad) {
             const Quad sp = softplusQ(x), c = coshq(sp);
             return tanhq(sp) + x * sigmoidQ(x) / (c * c);
         },
         {0.0}},
        {"sigmoid",
         nullptr,
         [](double x, double) { return fn::sigmoid(x); },
         [](double x, double) { return fn::sigmoidDerivative(x); },
         [](Quad x, Quad) { return sigmoidQ(x); },
         [](Quad x, Quad) { return sigmoidQ(x) * sigmoidQ(-x); },
         {0.0}},
        {"tanh",
         nullptr,
         [](double x, double) { return fn::tanh(x); },
         [](double x, double) { return fn::tanhDerivative(x); },
         [](Quad x, Quad) { return tanhq(x); },
         [](Quad x, Quad) {
             const Quad c = coshq(x);
             return 1 / (c * c);
         },
         {0.0}},
    };
    return table;
}

const Activation *findActivation(const QString &id)
{
    for (const Activation &a : activations())
        if (id == QLatin1String(a.id))
            return &a;
    return nullptr;
}

/// The derivatives' roots, rounded to double (mpmath); the reference cancels there.
constexpr double derivativeRoots[] = {-0.7517915246935645, -0.7524614220710162, -1.2784645427610737,
                                      -1.1924312145154952};

bool nearADerivativeRoot(double x)
{
    return std::any_of(std::begin(derivativeRoots), std::end(derivativeRoots),
                       [x](double r) { return std::fabs(x - r) < 1e-12; });
}

/// The error of `actual` in ULPs of the exact value `exact` (subnormal ULP below DBL_MIN), as
/// a real number: 0.5 at worst for a correctly rounded result.
double ulpError(double actual, Quad exact)
{
    if (std::isinf(actual) && fabsq(exact) > Quad(DBL_MAX))
        return 0.0;
    const int exponent = exact == 0 ? -1022 : std::max(ilogbq(exact), -1022);
    return double(fabsq(Quad(actual) - exact) / ldexpq(1, exponent - 52));
}

/// The sweep's x values: logarithmic over the whole double range (subnormal to 1e308, both
/// signs), two dense linear grids on [−40, 40] (one aligned with 0, one not), dense grids
/// about each derivative root and the edges of the root windows the implementation uses.
std::vector<double> sweepPoints()
{
    std::vector<double> xs{0.0, 5e-324, -5e-324, DBL_MIN, -DBL_MIN, 1e308, -1e308};
    const int logCount = 6000;
    for (int i = 0; i < logCount; ++i) {
        const double m = std::pow(10.0, -320.0 + 628.0 * i / (logCount - 1));
        xs.push_back(m);
        xs.push_back(-m);
    }
    const int linearCount = 16000;
    for (int i = 0; i <= linearCount; ++i)
        xs.push_back(-40.0 + 80.0 * i / linearCount);
    for (int i = 0; i < linearCount; ++i)
        xs.push_back(-40.0 + 80.0 * (i + 0.3819660112501051) / linearCount);
    for (double r : derivativeRoots) {
        for (int i = -2000; i <= 2000; ++i)
            xs.push_back(r + 0.1 * i / 2000 + 1e-11 * (i % 7 - 3));
        for (double edge : {r - 1.0 / 32, r + 1.0 / 32}) {
            double below = edge, above = edge;
            for (int k = 0; k < 4; ++k) {
                xs.push_back(below);
                xs.push_back(above);
                below = std::nextafter(below, -DBL_MAX);
                above = std::nextafter(above, DBL_MAX);
            }
        }
    }
    xs.erase(std::remove_if(xs.begin(), xs.end(), nearADerivativeRoot), xs.end());
    return xs;
}

QString parameterText(const Activation &a, double p)
{
    return a.parameterName ? QStringLiteral(" %1=%2").arg(QLatin1String(a.parameterName)).arg(p)
                           : QString();
}

} // namespace

class TestActivationFunctions : public QObject
{
    Q_OBJECT

private slots:
    void goldenFileIsComplete();
    void valueMatchesGolden_data();
    void valueMatchesGolden();
    void derivativeMatchesGolden_data() { valueMatchesGolden_data(); }
    void derivativeMatchesGolden();
    void sweepsMatchQuadReference_data();
    void sweepsMatchQuadReference();
    void rootNeighbourhoods_data();
    void rootNeighbourhoods();
    void traps_data();
    void traps();
    void kinkValues_data();
    void kinkValues();
    void seluDerivativeAtZeroIsLambdaAlphaRoundedOnce();

private:
    static QJsonArray goldenCases();
};

QJsonArray TestActivationFunctions::goldenCases()
{
    QFile file(QStringLiteral(ELU_TEST_DATA_DIR "/activations-golden.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("cases")).toArray();
}

void TestActivationFunctions::goldenFileIsComplete()
{
    const QJsonArray cases = goldenCases();
    QCOMPARE(cases.size(), qsizetype(1300));
    QSet<QString> ids;
    for (const QJsonValue &c : cases)
        ids.insert(c.toObject().value(QLatin1String("activation")).toString());
    QCOMPARE(ids.size(), 12);
    for (const Activation &a : activations())
        QVERIFY2(ids.contains(QLatin1String(a.id)), a.id);
}

void TestActivationFunctions::valueMatchesGolden_data()
{
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("yp");
    for (const QJsonValue &value : goldenCases()) {
        const QJsonObject c = value.toObject();
        const QString id = c.value(QLatin1String("activation")).toString();
        QString parameterName;
        for (const char *key : {"alpha", "beta", "negative_slope"})
            if (c.contains(QLatin1String(key)))
                parameterName = QLatin1String(key);
        const double p = parameterName.isEmpty() ? 0.0 : c.value(parameterName).toDouble();
        const double x = c.value(QLatin1String("x")).toDouble();
        const QString name = parameterName.isEmpty()
                                 ? QStringLiteral("%1 x=%2").arg(id).arg(x, 0, 'g', 17)
                                 : QStringLiteral("%1 %2=%3 x=%4")
                                       .arg(id, parameterName)
                                       .arg(p, 0, 'g', 17)
                                       .arg(x, 0, 'g', 17);
        QTest::newRow(qPrintable(name)) << id << p << x << c.value(QLatin1String("y")).toDouble()
                                        << c.value(QLatin1String("yp")).toDouble();
    }
}

namespace {

/// f or f′ of a golden case; elu comes from elu.h.
double evaluate(const QString &id, double p, double x, bool derivative)
{
    if (id == QLatin1String("elu"))
        return derivative ? elu::derivative(x, p) : elu::value(x, p);
    const Activation *a = findActivation(id);
    if (!a)
        return std::nan("");
    return derivative ? a->derivative(x, p) : a->value(x, p);
}

std::uint64_t goldenBound(const QString &id, double p)
{
    return id == QLatin1String("elu") ? testsupport::ulpBound(p) : 2;
}

QByteArray mismatch(const char *what, double actual, double exact)
{
    return QStringLiteral("%1 = %2, exact %3, %4 ULP apart")
        .arg(QLatin1String(what))
        .arg(actual, 0, 'g', 17)
        .arg(exact, 0, 'g', 17)
        .arg(ulpDistance(actual, exact))
        .toUtf8();
}

} // namespace

void TestActivationFunctions::valueMatchesGolden()
{
    QFETCH(QString, activation);
    QFETCH(double, parameter);
    QFETCH(double, x);
    QFETCH(double, y);
    const double actual = evaluate(activation, parameter, x, false);
    QVERIFY2(ulpDistance(actual, y) <= goldenBound(activation, parameter),
             mismatch("f", actual, y).constData());
}

void TestActivationFunctions::derivativeMatchesGolden()
{
    QFETCH(QString, activation);
    QFETCH(double, parameter);
    QFETCH(double, x);
    QFETCH(double, yp);
    const double actual = evaluate(activation, parameter, x, true);
    // The golden file's σ′(700) is 0: its generator evaluated σ(1 − σ), which cancels even in
    // 200 bits (1 − σ(700) = e⁻⁷⁰⁰ ≈ 2⁻¹⁰¹⁰). The exact value is e⁻⁷⁰⁰/(1 + e⁻⁷⁰⁰)², a normal
    // double; traps() checks it.
    QEXPECT_FAIL("sigmoid x=700", "golden σ′(700) = 0 is wrong; exact 9.85967654375977e-305",
                 Continue);
    QVERIFY2(ulpDistance(actual, yp) <= goldenBound(activation, parameter),
             mismatch("f′", actual, yp).constData());
}

void TestActivationFunctions::sweepsMatchQuadReference_data()
{
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("parameter");
    for (const Activation &a : activations())
        for (double p : a.sweepParameters)
            QTest::newRow(qPrintable(QLatin1String(a.id) + parameterText(a, p)))
                << QString::fromLatin1(a.id) << p;
}

void TestActivationFunctions::sweepsMatchQuadReference()
{
    QFETCH(QString, activation);
    QFETCH(double, parameter);
    const Activation &a = *findActivation(activation);
    static const std::vector<double> xs = sweepPoints();

    struct Worst
    {
        std::uint64_t ulps = 0;
        double error = 0, x = 0;
    } value, derivative;
    auto check = [](Worst &worst, double actual, Quad exact, double x) {
        QVERIFY2(!std::isnan(actual), qPrintable(QStringLiteral("NaN at x=%1").arg(x)));
        const std::uint64_t ulps = ulpDistance(actual, double(exact));
        const double error = ulpError(actual, exact);
        if (ulps > worst.ulps || (ulps == worst.ulps && error > worst.error))
            worst = {ulps, error, x};
    };
    for (double x : xs) {
        check(value, a.value(x, parameter), a.referenceValue(x, parameter), x);
        check(derivative, a.derivative(x, parameter), a.referenceDerivative(x, parameter), x);
    }
    qInfo("%-10s%-22s %zu points: f max %llu ULP (%.4f at x=%.17g), f' max %llu ULP (%.4f at "
          "x=%.17g)",
          a.id, qPrintable(parameterText(a, parameter)), xs.size(),
          static_cast<unsigned long long>(value.ulps), value.error, value.x,
          static_cast<unsigned long long>(derivative.ulps), derivative.error, derivative.x);
    QVERIFY2(
        value.ulps <= 2,
        qPrintable(QStringLiteral("f: %1 ULP at x=%2").arg(value.ulps).arg(value.x, 0, 'g', 17)));
    QVERIFY2(derivative.ulps <= 2, qPrintable(QStringLiteral("f': %1 ULP at x=%2")
                                                  .arg(derivative.ulps)
                                                  .arg(derivative.x, 0, 'g', 17)));
}

void TestActivationFunctions::rootNeighbourhoods_data()
{
    // The five doubles nearest each derivative's root and the two at ±1/32 from it, with the
    // exactly rounded derivative from a 320-bit mpmath evaluation.
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("exact");
    struct Row
    {
        const char *id;
        double x, exact;
    };
    static const Row rows[] = {
        {"gelu", -0.7517915246935647, -1.0226466478026477e-16},
        {"gelu", -0.7517915246935646, -5.435920825481627e-17},
        {"gelu", -0.7517915246935645, -6.453751729367753e-18},
        {"gelu", -0.7517915246935644, 4.145170479608077e-17},
        {"gelu", -0.7517915246935643, 8.93571613215293e-17},
        {"gelu", -0.7830415246935645, -0.01310455556461048},
        {"gelu", -0.7205415246935645, 0.013862707254737604},
        {"gelu_tanh", -0.7524614220710164, -8.061724601303884e-17},
        {"gelu_tanh", -0.7524614220710163, -3.283323692738274e-17},
        {"gelu_tanh", -0.7524614220710162, 1.4950772158273367e-17},
        {"gelu_tanh", -0.7524614220710161, 6.273478124392949e-17},
        {"gelu_tanh", -0.752461422071016, 1.1051879032958562e-16},
        {"gelu_tanh", -0.7837114220710162, -0.013071193359964088},
        {"gelu_tanh", -0.7212114220710162, 0.013827848029875812},
        {"silu", -1.2784645427610741, -7.288399353395726e-17},
        {"silu", -1.278464542761074, -2.452007938935708e-17},
        {"silu", -1.2784645427610737, 2.3843834755243115e-17},
        {"silu", -1.2784645427610735, 7.220774889984332e-17},
        {"silu", -1.2784645427610732, 1.2057166304444355e-16},
        {"silu", -1.3097145427610737, -0.006663994422012822},
        {"silu", -1.2472145427610737, 0.006950388818973104},
        {"mish", -1.1924312145154956, -1.0560576403040168e-16},
        {"mish", -1.1924312145154954, -4.63314199197116e-17},
        {"mish", -1.1924312145154952, 1.2942924190978498e-17},
        {"mish", -1.192431214515495, 7.221726830166862e-17},
        {"mish", -1.1924312145154947, 1.3149161241235876e-16},
        {"mish", -1.2236812145154952, -0.008143487228543599},
        {"mish", -1.1611812145154952, 0.008543314307008776},
    };
    for (const Row &r : rows)
        QTest::addRow("%s' x=%.17g", r.id, r.x) << QString::fromLatin1(r.id) << r.x << r.exact;
}

void TestActivationFunctions::rootNeighbourhoods()
{
    QFETCH(QString, activation);
    QFETCH(double, x);
    QFETCH(double, exact);
    const double actual = findActivation(activation)->derivative(x, 0.0);
    QVERIFY2(ulpDistance(actual, exact) <= 2, mismatch("f′", actual, exact).constData());
}

void TestActivationFunctions::traps_data()
{
    // Each row is a place where a textbook formula overflows, cancels, loses an argument's
    // digits or double-rounds; `exact` is the exactly rounded value (mpmath, 320 bits, or by
    // hand where noted).
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("x");
    QTest::addColumn<bool>("derivative");
    QTest::addColumn<double>("exact");
    auto row = [](const char *name, const char *id, double p, double x, bool d, double exact) {
        QTest::newRow(name) << QString::fromLatin1(id) << p << x << d << exact;
    };
    // βx overflows double; e^(βx) overflows everything.
    row("softplus beta=100 x=1e308", "softplus", 100, 1e308, false, 1e308);
    row("softplus beta=100 x=-1e308", "softplus", 100, -1e308, false, 0.0);
    row("softplus' beta=100 x=1e308", "softplus", 100, 1e308, true, 1.0);
    row("softplus beta=1 x=800 (no threshold)", "softplus", 1, 800, false, 800.0);
    // βx = −700: e^(βx) has condition number 700, and 0.01 is not exactly 1/100.
    row("softplus beta=0.01 x=-70000", "softplus", 0.01, -70000, false, 9.859676543759626e-303);
    row("softplus' beta=0.01 x=-70000", "softplus", 0.01, -70000, true, 9.859676543759627e-305);
    // Φ(x) through erfc, not 1 + erf; −x/√2 carried to ~120 bits.
    row("gelu x=-37.5", "gelu", 0, -37.5, false, -1.7270073785932332e-306);
    row("gelu x=-38.3 (subnormal)", "gelu", 0, -38.3, false, -1.17355e-319);
    row("gelu' x=-37.5", "gelu", 0, -37.5, true, -6.476271143055812e-305);
    row("gelu x=-1e308", "gelu", 0, -1e308, false, 0.0);
    row("gelu x=1e308", "gelu", 0, 1e308, false, 1e308);
    row("gelu' x=1e308", "gelu", 0, 1e308, true, 1.0);
    row("gelu' x=-1e308", "gelu", 0, -1e308, true, 0.0);
    // σ(x)(1 − σ(x)) is 0 for x > 37 (and the golden file's 200 bits fail at 700).
    row("sigmoid' x=800 (rounds to 0)", "sigmoid", 0, 800, true, 0.0);
    row("sigmoid' x=700", "sigmoid", 0, 700, true, 9.85967654375977e-305);
    row("sigmoid' x=745 (subnormal)", "sigmoid", 0, 745, true, 5e-324);
    row("sigmoid x=-745 (subnormal)", "sigmoid", 0, -745, false, 5e-324);
    // 1 − tanh² cancels.
    row("tanh' x=20", "tanh", 0, 20, true, 1.6993417021166355e-17);
    row("tanh' x=-20", "tanh", 0, -20, true, 1.6993417021166355e-17);
    row("tanh x=1e-300", "tanh", 0, 1e-300, false, 1e-300);
    // e^x overflows; tanh(softplus) as a ratio of positive terms.
    row("mish x=1e6", "mish", 0, 1e6, false, 1e6);
    row("mish x=-1e6", "mish", 0, -1e6, false, 0.0);
    row("mish' x=1e6", "mish", 0, 1e6, true, 1.0);
    row("mish x=-745 (subnormal)", "mish", 0, -745, false, -2.105e-321);
    row("mish' x=-700", "mish", 0, -700, true, -6.891913904088079e-302);
    // 1 + tanh(u) → 0 and x³ → overflow; x·σ(2u) with 2u carried to ~100 bits.
    row("gelu_tanh x=-1e6", "gelu_tanh", 0, -1e6, false, 0.0);
    row("gelu_tanh' x=-1e6", "gelu_tanh", 0, -1e6, true, 0.0);
    row("gelu_tanh x=-20", "gelu_tanh", 0, -20, false, -3.3754509563109348e-261);
    row("gelu_tanh x=-21.5 (subnormal)", "gelu_tanh", 0, -21.5, false, -2.8e-322);
    row("gelu_tanh' x=-20", "gelu_tanh", 0, -20, true, -2.9424328724944744e-259);
    row("gelu_tanh x=1e308", "gelu_tanh", 0, 1e308, false, 1e308);
    // e^(x/α) with x/α = −700 (condition number 700) and beyond double's normal range.
    row("celu' alpha=0.01 x=-7", "celu", 0.01, -7, true, 9.859676543759914e-305);
    row("celu' alpha=0.01 x=-7.45 (subnormal)", "celu", 0.01, -7.45, true, 5e-324);
    row("celu alpha=100 x=-1e308", "celu", 100, -1e308, false, -100.0);
    row("celu alpha=5e-324 x=-1", "celu", 5e-324, -1, false, -5e-324);
    row("celu alpha=1 x=-2e-9 (expm1)", "celu", 1, -2e-9, false, -1.9999999980000002e-09);
    // e^(−x) overflows; x·e^x subnormal.
    row("silu x=-745 (subnormal)", "silu", 0, -745, false, -2.105e-321);
    row("silu x=-1e308", "silu", 0, -1e308, false, 0.0);
    row("silu' x=1e308", "silu", 0, 1e308, true, 1.0);
    row("silu' x=40", "silu", 0, 40, true, 1.0000000000000002);
    row("selu x=-1e308", "selu", 0, -1e308, false, -1.7580993408473766);
    row("selu' x=-745 (subnormal)", "selu", 0, -745, true, 5e-324);
    row("selu' x=-1e-300", "selu", 0, -1e-300, true, 1.7580993408473766);
    // x/2 + (positive)·x² for odd subnormal x: x/2 is a tie, broken by the x² term (by hand;
    // 200- or 320-bit evaluations cannot see it, and the golden file has 0 at x = 5e-324).
    row("gelu x=5e-324 (tie)", "gelu", 0, 5e-324, false, 5e-324);
    row("gelu x=-1.5e-323 (tie)", "gelu", 0, -1.5e-323, false, -5e-324);
    row("silu x=5e-324 (tie)", "silu", 0, 5e-324, false, 5e-324);
    row("silu x=-1.5e-323 (tie)", "silu", 0, -1.5e-323, false, -5e-324);
    row("gelu_tanh x=5e-324 (tie)", "gelu_tanh", 0, 5e-324, false, 5e-324);
    row("gelu_tanh x=-1.5e-323 (tie)", "gelu_tanh", 0, -1.5e-323, false, -5e-324);
}

void TestActivationFunctions::traps()
{
    QFETCH(QString, activation);
    QFETCH(double, parameter);
    QFETCH(double, x);
    QFETCH(bool, derivative);
    QFETCH(double, exact);
    const Activation &a = *findActivation(activation);
    const double actual = derivative ? a.derivative(x, parameter) : a.value(x, parameter);
    QVERIFY(!std::isnan(actual));
    QVERIFY2(ulpDistance(actual, exact) <= 2,
             mismatch(derivative ? "f′" : "f", actual, exact).constData());
}

void TestActivationFunctions::kinkValues_data()
{
    // PyTorch autograd's value at each kink, at +0 and −0.
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("expected");
    QTest::newRow("relu'(0) = 0") << QStringLiteral("relu") << 0.0 << 0.0;
    for (double s : {0.0, 0.01, 0.2, 1.0})
        QTest::addRow("leaky_relu'(0) = %g", s) << QStringLiteral("leaky_relu") << s << s;
    for (double alpha : {1e-300, 0.01, 1.0, 100.0})
        QTest::addRow("celu'(0) = 1 at alpha=%g", alpha) << QStringLiteral("celu") << alpha << 1.0;
    QTest::newRow("selu'(0) = lambda*alpha")
        << QStringLiteral("selu") << 0.0 << elu::fn::seluLambda * elu::fn::seluAlpha;
}

void TestActivationFunctions::kinkValues()
{
    QFETCH(QString, activation);
    QFETCH(double, parameter);
    QFETCH(double, expected);
    const Activation &a = *findActivation(activation);
    QCOMPARE(a.derivative(0.0, parameter), expected);
    QCOMPARE(a.derivative(-0.0, parameter), expected);
}

void TestActivationFunctions::seluDerivativeAtZeroIsLambdaAlphaRoundedOnce()
{
    // λ·α of two doubles is exact in 113 bits; converting rounds once.
    const double exact = double(Quad(elu::fn::seluLambda) * Quad(elu::fn::seluAlpha));
    QCOMPARE(exact, 1.7580993408473766);
    QCOMPARE(elu::fn::seluDerivative(0.0), exact);
    QCOMPARE(elu::fn::seluDerivative(-0.0), exact);
}

QTEST_APPLESS_MAIN(TestActivationFunctions)
#include "tst_activationfunctions.moc"
