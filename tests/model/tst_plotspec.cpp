// SPDX-License-Identifier: MIT
#include "plotspec.h"

#include <QTest>

#include <limits>

class TestParameters : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheArticles();
    void validate_data();
    void validate();
    void formatNumberRoundTrips_data();
    void formatNumberRoundTrips();
};

void TestParameters::defaultsAreTheArticles()
{
    const elu::PlotSpec p;
    QCOMPARE(p.alpha, 1.0);
    QCOMPARE(p.xmin, -2.0);
    QCOMPARE(p.xmax, 2.0);
    QCOMPARE(p.points, qint64(1000));
    QVERIFY(elu::validate(p).isEmpty());
}

void TestParameters::validate_data()
{
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("errorContains"); // empty: valid
    QTest::newRow("relu") << 0.0 << -2.0 << 2.0 << qint64(1000) << QString();
    QTest::newRow("alpha max") << 100.0 << -2.0 << 2.0 << qint64(2) << QString();
    QTest::newRow("points max") << 1.0 << -2.0 << 2.0 << qint64(10'000'000) << QString();
    QTest::newRow("alpha negative") << -1.0 << -2.0 << 2.0 << qint64(1000) << "from 0 to 100";
    QTest::newRow("alpha 101") << 101.0 << -2.0 << 2.0 << qint64(1000) << "from 0 to 100";
    QTest::newRow("alpha nan") << nan << -2.0 << 2.0 << qint64(1000) << "finite";
    QTest::newRow("alpha inf") << inf << -2.0 << 2.0 << qint64(1000) << "finite";
    QTest::newRow("reversed") << 1.0 << 2.0 << -2.0 << qint64(1000) << "xmin = 2, xmax = -2";
    QTest::newRow("empty range") << 1.0 << 1.0 << 1.0 << qint64(1000) << "less than";
    QTest::newRow("infinite end") << 1.0 << -inf << 2.0 << qint64(1000) << "finite";
    QTest::newRow("nan end") << 1.0 << -2.0 << nan << qint64(1000) << "finite";
    QTest::newRow("one point") << 1.0 << -2.0 << 2.0 << qint64(1) << "from 2 to 10000000";
    QTest::newRow("too many") << 1.0 << -2.0 << 2.0 << qint64(10'000'001) << "from 2 to 10000000";
}

void TestParameters::validate()
{
    QFETCH(double, alpha);
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, points);
    QFETCH(QString, errorContains);
    const QString error = elu::validate({alpha, xmin, xmax, points});
    if (errorContains.isEmpty())
        QCOMPARE(error, QString());
    else
        QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestParameters::formatNumberRoundTrips_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("one") << 1.0 << "1";
    QTest::newRow("tenth") << 0.1 << "0.1";
    QTest::newRow("negative zero") << -0.0 << "-0.0";
    QTest::newRow("tiny") << 1e-300 << "1e-300";
    QTest::newRow("selu alpha") << 1.6732632423543772 << "1.6732632423543772";
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "nan";
}

void TestParameters::formatNumberRoundTrips()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(elu::formatNumber(value), text);
}

QTEST_APPLESS_MAIN(TestParameters)
#include "tst_parameters.moc"
