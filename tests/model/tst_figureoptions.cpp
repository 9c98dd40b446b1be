// SPDX-License-Identifier: MIT
#include "figureoptions.h"

#include <QStringList>
#include <QTest>

#include <climits>
#include <cmath>
#include <limits>

using elu::FigureTheme;

class TestFigureOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreValid();
    void side_data();
    void side();
    void scale_data();
    void scale();
    void themeNamesRoundTrip_data();
    void themeNamesRoundTrip();
    void unknownThemeNames_data();
    void unknownThemeNames();
    void acceptedThemeNamesListsAll();
};

void TestFigureOptions::defaultsAreValid()
{
    const elu::FigureOptions options;
    QVERIFY(elu::figureSideError(options.width).isEmpty());
    QVERIFY(elu::figureSideError(options.height).isEmpty());
    QVERIFY(elu::figureScaleError(options.scale, options.width, options.height).isEmpty());
    QCOMPARE(options.theme, FigureTheme::Light);
}

void TestFigureOptions::side_data()
{
    QTest::addColumn<int>("side");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("199") << 199 << false;
    QTest::newRow("200") << 200 << true;
    QTest::newRow("800") << 800 << true;
    QTest::newRow("10000") << 10000 << true;
    QTest::newRow("10001") << 10001 << false;
    QTest::newRow("0") << 0 << false;
    QTest::newRow("-1") << -1 << false;
    QTest::newRow("-800") << -800 << false;
    QTest::newRow("INT_MIN") << INT_MIN << false;
    QTest::newRow("INT_MAX") << INT_MAX << false;
}

void TestFigureOptions::side()
{
    QFETCH(int, side);
    QFETCH(bool, accepted);
    const QString error = elu::figureSideError(side);
    QCOMPARE(error.isEmpty(), accepted);
    if (!accepted) {
        // The message names the accepted range.
        QVERIFY2(error.contains(QStringLiteral("200")) && error.contains(QStringLiteral("10000")),
                 qPrintable(error));
    }
}

void TestFigureOptions::scale_data()
{
    const double inf = std::numeric_limits<double>::infinity();
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("named"); // what a refusal must mention
    const QString scaleRange = QStringLiteral("0.5");
    QTest::newRow("0.5") << 0.5 << 800 << 600 << true << QString();
    QTest::newRow("just below 0.5")
        << std::nextafter(0.5, 0.0) << 800 << 600 << false << scaleRange;
    QTest::newRow("1") << 1.0 << 800 << 600 << true << QString();
    QTest::newRow("8") << 8.0 << 800 << 600 << true << QString();
    QTest::newRow("just above 8") << std::nextafter(8.0, 9.0) << 800 << 600 << false << scaleRange;
    QTest::newRow("0") << 0.0 << 800 << 600 << false << scaleRange;
    QTest::newRow("negative") << -2.0 << 800 << 600 << false << scaleRange;
    QTest::newRow("nan") << std::nan("") << 800 << 600 << false << scaleRange;
    QTest::newRow("inf") << inf << 800 << 600 << false << scaleRange;
    QTest::newRow("-inf") << -inf << 800 << 600 << false << scaleRange;
    // At most 100 million pixels: width·scale × height·scale.
    const QString pixels = QStringLiteral("100 million");
    QTest::newRow("10000² at 2 is 400 M px") << 2.0 << 10000 << 10000 << false << pixels;
    QTest::newRow("10000² at 1 is 100 M px") << 1.0 << 10000 << 10000 << true << QString();
    QTest::newRow("10000² just above 1")
        << std::nextafter(1.0, 2.0) << 10000 << 10000 << false << pixels;
    QTest::newRow("5000² at 2 is 100 M px") << 2.0 << 5000 << 5000 << true << QString();
    QTest::newRow("10000×5000 at 2 is 200 M px") << 2.0 << 10000 << 5000 << false << pixels;
    QTest::newRow("10000² at 0.5 is 25 M px") << 0.5 << 10000 << 10000 << true << QString();
    QTest::newRow("1250² at 8 is 100 M px") << 8.0 << 1250 << 1250 << true << QString();
    QTest::newRow("1251×1250 at 8") << 8.0 << 1251 << 1250 << false << pixels;
    QTest::newRow("200² at 8 is 2.56 M px") << 8.0 << 200 << 200 << true << QString();
}

void TestFigureOptions::scale()
{
    QFETCH(double, scale);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(bool, accepted);
    QFETCH(QString, named);
    const QString error = elu::figureScaleError(scale, width, height);
    QCOMPARE(error.isEmpty(), accepted);
    if (!accepted)
        QVERIFY2(error.contains(named), qPrintable(error));
}

void TestFigureOptions::themeNamesRoundTrip_data()
{
    QTest::addColumn<FigureTheme>("theme");
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << FigureTheme::Light << QStringLiteral("light");
    QTest::newRow("dark") << FigureTheme::Dark << QStringLiteral("dark");
    QTest::newRow("transparent") << FigureTheme::Transparent << QStringLiteral("transparent");
}

void TestFigureOptions::themeNamesRoundTrip()
{
    QFETCH(FigureTheme, theme);
    QFETCH(QString, name);
    QCOMPARE(elu::themeName(theme), name);
    const std::optional<FigureTheme> parsed = elu::themeFromName(name);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, theme);
}

void TestFigureOptions::unknownThemeNames_data()
{
    // The accepted names are exactly "light", "dark" and "transparent" (lower case).
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("empty string") << QStringLiteral("");
    QTest::newRow("capitalised") << QStringLiteral("Light");
    QTest::newRow("upper case") << QStringLiteral("DARK");
    QTest::newRow("leading space") << QStringLiteral(" light");
    QTest::newRow("trailing space") << QStringLiteral("dark ");
    QTest::newRow("prefix") << QStringLiteral("trans");
    QTest::newRow("list") << QStringLiteral("light, dark");
    QTest::newRow("other") << QStringLiteral("sepia");
}

void TestFigureOptions::unknownThemeNames()
{
    QFETCH(QString, name);
    QVERIFY(!elu::themeFromName(name).has_value());
}

void TestFigureOptions::acceptedThemeNamesListsAll()
{
    QStringList names = elu::acceptedThemeNames().split(QStringLiteral(", "));
    QCOMPARE(names.size(), 3);
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("dark"), QStringLiteral("light"),
                                 QStringLiteral("transparent")}));
    for (const QString &name : names)
        QVERIFY2(elu::themeFromName(name).has_value(), qPrintable(name));
}

QTEST_APPLESS_MAIN(TestFigureOptions)
#include "tst_figureoptions.moc"
