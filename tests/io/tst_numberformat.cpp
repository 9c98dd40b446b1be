// SPDX-License-Identifier: MIT
// writeShortest against std::to_chars, byte for byte: its own shortest-digits path (Schubfach,
// for 2^−60 ≤ |x| < 2^53) must give exactly what std::to_chars gives, on the doubles exports
// write (grids, ELU and its derivative there), on every kind of awkward double (powers of two
// and ten and their neighbours, short decimals, integers, the ends of that range) and on
// millions of random ones. Before it was written, 4·10⁸ doubles were compared this way.
#include "numberformat.h"

#include <QTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

namespace {

std::string shortest(double value)
{
    char buffer[elu::maxNumberLength];
    return std::string(buffer, elu::writeShortest(buffer, value));
}

// std::to_chars, but −0.0 as "-0.0" (writeShortest's one chosen difference).
std::string reference(double value)
{
    if (value == 0.0 && std::signbit(value))
        return "-0.0";
    char buffer[64];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

// Compares both forms of `value`; counts a mismatch and reports the first few.
struct Comparison
{
    qint64 checked = 0;
    qint64 mismatches = 0;

    void operator()(double value)
    {
        ++checked;
        const std::string ours = shortest(value);
        const std::string theirs = reference(value);
        if (ours == theirs)
            return;
        if (++mismatches <= 10) {
            char bits[64];
            std::snprintf(bits, sizeof bits, "%a", value);
            qWarning("%s: writeShortest \"%s\", std::to_chars \"%s\"", bits, ours.c_str(),
                     theirs.c_str());
        }
    }
    void withNeighbours(double value)
    {
        (*this)(value);
        (*this)(-value);
        (*this)(std::nextafter(value, 0.0));
        (*this)(std::nextafter(value, INFINITY));
    }
};

double fromText(const std::string &text)
{
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

} // namespace

class TestNumberFormat : public QObject
{
    Q_OBJECT

private slots:
    void specialValues();
    void examples_data();
    void examples();
    void exportedGrids();
    void awkwardDoubles();
    void randomDoubles();
};

void TestNumberFormat::specialValues()
{
    QCOMPARE(shortest(0.0), std::string("0"));
    QCOMPARE(shortest(-0.0), std::string("-0.0"));
    QCOMPARE(shortest(INFINITY), std::string("inf"));
    QCOMPARE(shortest(-INFINITY), std::string("-inf"));
    QCOMPARE(shortest(NAN), std::string("nan"));
}

void TestNumberFormat::examples_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("1") << 1.0 << "1";
    QTest::newRow("-2") << -2.0 << "-2";
    QTest::newRow("0.5") << 0.5 << "0.5";
    QTest::newRow("0.1") << 0.1 << "0.1";
    QTest::newRow("1/3") << 1.0 / 3.0 << "0.3333333333333333";
    QTest::newRow("grid") << -1.995995995995996 << "-1.995995995995996";
    QTest::newRow("123000: fixed") << 123000.0 << "123000";
    QTest::newRow("100000: scientific") << 100000.0 << "1e+05";
    QTest::newRow("0.001: fixed on a tie") << 0.001 << "0.001";
    QTest::newRow("0.0001: scientific") << 0.0001 << "1e-04";
    QTest::newRow("0.00012: fixed on a tie") << 0.00012 << "0.00012";
    QTest::newRow("1.5e-05") << 1.5e-05 << "1.5e-05";
    QTest::newRow("2^52") << 4503599627370496.0 << "4503599627370496";
    QTest::newRow("2^53 - 1") << 9007199254740991.0 << "9007199254740991";
    QTest::newRow("2^-60") << std::ldexp(1.0, -60) << "8.673617379884035e-19";
    QTest::newRow("largest") << 1.7976931348623157e308 << "1.7976931348623157e+308";
    QTest::newRow("smallest") << 5e-324 << "5e-324";
}

void TestNumberFormat::examples()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(shortest(value)), text);
    QCOMPARE(QString::fromStdString(reference(value)), text);
}

void TestNumberFormat::exportedGrids()
{
    Comparison compare;
    for (const auto &[xmin, xmax, points] :
         {std::tuple{-2.0, 2.0, 1'000'000}, std::tuple{-2.0, 2.0, 1000},
          std::tuple{-1e-6, 3e-7, 100'000}, std::tuple{-40.0, 40.0, 100'003}}) {
        for (int i = 0; i < points; ++i) {
            const double x = std::lerp(xmin, xmax, double(i) / double(points - 1));
            compare(x);
            compare(0.5 * std::expm1(x));
            compare(1.6732632423543772 * std::exp(x));
        }
    }
    QCOMPARE(compare.mismatches, qint64(0));
}

void TestNumberFormat::awkwardDoubles()
{
    Comparison compare;
    for (int e = -1080; e <= 1030; ++e)
        compare.withNeighbours(std::ldexp(1.0, e));
    for (int e = -325; e <= 309; ++e) {
        for (int digit = 1; digit <= 9; ++digit)
            compare.withNeighbours(fromText(std::to_string(digit) + "e" + std::to_string(e)));
    }
    for (int i = -200'000; i <= 200'000; ++i) {
        compare(double(i));
        compare(i / 1024.0);
        compare(i * 0.001);
        compare(i * 0.1);
        compare(i * 1e-7);
        compare(i * 1e9);
    }
    // The ends of the fast path, and 2^53 and beyond, where integers are written exactly.
    for (const double edge : {std::ldexp(1.0, -60), std::ldexp(1.0, 53), 1e16, 1e17})
        for (double x = edge, step = 0; step < 1000; ++step, x = std::nextafter(x, INFINITY))
            compare.withNeighbours(x);
    QCOMPARE(compare.mismatches, qint64(0));
}

void TestNumberFormat::randomDoubles()
{
    Comparison compare;
    std::mt19937_64 random(20240615);
    std::uniform_int_distribution<int> exponent(955, 1085); // the fast path and either side
    for (int i = 0; i < 2'000'000; ++i) {
        std::uint64_t fraction = random() & ((std::uint64_t(1) << 52) - 1);
        if (i % 16 == 0) // short binary fractions: exact decimals, ties
            fraction &= ~((std::uint64_t(1) << (random() % 53)) - 1);
        const std::uint64_t bits = (std::uint64_t(exponent(random)) << 52) | fraction
                                   | (random() & (std::uint64_t(1) << 63));
        compare(std::bit_cast<double>(bits));
    }
    for (int i = 0; i < 300'000; ++i) {
        const double any = std::bit_cast<double>(random());
        if (std::isfinite(any))
            compare(any);
    }
    std::uniform_int_distribution<int> decimalExponent(-25, 17);
    for (int i = 0; i < 500'000; ++i) // decimals of up to 11 digits
        compare(fromText(std::to_string(random() % 100'000'000'000) + "e"
                         + std::to_string(decimalExponent(random))));
    QVERIFY(compare.checked > 2'700'000);
    QCOMPARE(compare.mismatches, qint64(0));
}

QTEST_APPLESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
