// SPDX-License-Identifier: MIT
#include "continuitynote.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>

class TestContinuityNote : public QObject
{
    Q_OBJECT

private slots:
    void note_data();
    void note();
    void namesTheJump_data();
    void namesTheJump();
    void writesTheJumpToTheParametersDecimals_data();
    void writesTheJumpToTheParametersDecimals();
    void anyCurve_data();
    void anyCurve();
};

namespace {

const QString c1 = QStringLiteral("C\u00B9");
const QString c2 = QStringLiteral("C\u00B2");

/// The number written after "jump of" (or "jumps by"), parsed back to a double; NaN if none.
double jumpIn(const QString &note)
{
    static const QRegularExpression jump(
        QStringLiteral(R"(jumps?\s+(?:of|by)\s+([-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?))"));
    const QRegularExpressionMatch match = jump.match(note);
    return match.hasMatch() ? match.captured(1).toDouble() : std::nan("");
}

} // namespace

void TestContinuityNote::note_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<bool>("continuous");
    QTest::newRow("alpha 1, the article") << 1.0 << true;
    QTest::newRow("alpha 0.5") << 0.5 << false;
    QTest::newRow("alpha 0, ReLU") << 0.0 << false;
    QTest::newRow("alpha 2") << 2.0 << false;
    QTest::newRow("alpha 100") << 100.0 << false;
    QTest::newRow("alpha of SELU") << 1.6732632423543772 << false;
    QTest::newRow("alpha just above 1") << std::nextafter(1.0, 2.0) << false;
}

void TestContinuityNote::note()
{
    QFETCH(double, alpha);
    QFETCH(bool, continuous);
    const QString note = elu::continuityNote(alpha);
    QVERIFY(!note.isEmpty());
    // ELU″ jumps from α to 0 at 0 for every α, so ELU is never C².
    QVERIFY2(note.contains(QStringLiteral("not ") + c2)
                 || note.contains(QStringLiteral("never ") + c2),
             qPrintable(note));
    if (continuous) {
        QVERIFY2(note.contains(QStringLiteral("continuous")), qPrintable(note));
        QVERIFY2(note.contains(c1), qPrintable(note));
        QVERIFY2(!note.contains(QStringLiteral("not ") + c1), qPrintable(note));
        QVERIFY2(std::isnan(jumpIn(note)), qPrintable(note));
    } else {
        QVERIFY2(note.contains(QStringLiteral("not ") + c1), qPrintable(note));
    }
    // ReLU is α = 0 and nothing else.
    QCOMPARE(note.contains(QStringLiteral("ReLU")), alpha == 0.0);
}

void TestContinuityNote::namesTheJump_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("jump");
    // ELU′ is α from the left and 1 from the right: the jump is |1 − α|.
    QTest::newRow("alpha 0.5") << 0.5 << 0.5;
    QTest::newRow("alpha 0") << 0.0 << 1.0;
    QTest::newRow("alpha 2") << 2.0 << 1.0;
    QTest::newRow("alpha 100") << 100.0 << 99.0;
    QTest::newRow("alpha 0.25") << 0.25 << 0.75;
    // SELU's α: subtracting 1 is exact here (Sterbenz), so the jump is exactly α − 1.
    QTest::newRow("alpha of SELU") << 1.6732632423543772 << 1.6732632423543772 - 1.0;
    QTest::newRow("alpha just above 1") << std::nextafter(1.0, 2.0) << 0x1p-52;
}

// |1 − 1.091| is the double 0.09099999999999997 (exactly 1.091's double minus 1); the note
// writes it to α's decimals, as a reader expects (Play passes through such values).
void TestContinuityNote::writesTheJumpToTheParametersDecimals_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<QString>("jump");
    QTest::newRow("1.091") << 1.091 << "a jump of 0.091,";
    QTest::newRow("0.9") << 0.9 << "a jump of 0.1,";
    QTest::newRow("2.71") << 2.71 << "a jump of 1.71,";
    QTest::newRow("1 + 2^-52") << std::nextafter(1.0, 2.0) << "a jump of 2.220446049250313e-16,";
}

void TestContinuityNote::writesTheJumpToTheParametersDecimals()
{
    QFETCH(double, alpha);
    QFETCH(QString, jump);
    const QString note = elu::continuityNote(alpha);
    QVERIFY2(note.contains(jump), qPrintable(note));
}

void TestContinuityNote::namesTheJump()
{
    QFETCH(double, alpha);
    QFETCH(double, jump);
    const QString note = elu::continuityNote(alpha);
    QCOMPARE(jumpIn(note), jump);
    // The one-sided limits are there for the reader: α on the left, 1 on the right.
    QVERIFY2(note.contains(QStringLiteral("left")) && note.contains(QStringLiteral("right")),
             qPrintable(note));
}

void TestContinuityNote::anyCurve_data()
{
    using Id = elu::ActivationId;
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<QString>("note");
    QTest::newRow("relu") << int(Id::Relu) << 0.0
                          << "ReLU′ jumps at 0 from 0 (left) to 1 (right), a jump of 1, so ReLU "
                             "is continuous but not C¹.";
    QTest::newRow("leaky 0.2") << int(Id::LeakyRelu) << 0.2
                               << "s = 0.2: Leaky ReLU′ jumps at 0 from 0.2 (left) to 1 (right), "
                                  "a jump of 0.8, so Leaky ReLU is continuous but not C¹.";
    QTest::newRow("leaky 1") << int(Id::LeakyRelu) << 1.0
                             << "s = 1: Leaky ReLU has no kink: it is smooth (C∞).";
    QTest::newRow("celu 2") << int(Id::Celu) << 2.0
                            << "α = 2: CELU′ is continuous at 0 (1 from both sides), so CELU is "
                               "C¹. It is not C²: CELU″ jumps from 0.5 to 0.";
    QTest::newRow("gelu") << int(Id::Gelu) << 0.0 << "GELU has no kink: it is smooth (C∞).";
    QTest::newRow("softplus") << int(Id::Softplus) << 3.0
                              << "β = 3: Softplus has no kink: it is smooth (C∞).";
}

void TestContinuityNote::anyCurve()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(QString, note);
    QCOMPARE(elu::continuityNote(elu::Curve{elu::ActivationId(id), parameter}), note);
}

QTEST_APPLESS_MAIN(TestContinuityNote)
#include "tst_continuitynote.moc"
