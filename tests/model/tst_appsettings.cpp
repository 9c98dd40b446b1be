// SPDX-License-Identifier: MIT
#include "testsupport.h"
#include "appsettings.h"

#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cstdint>

using elu::AppSettings;
using elu::FigureOptions;
using elu::FigureTheme;
using elu::PlotSpec;

Q_DECLARE_METATYPE(elu::PlotSpec)
Q_DECLARE_METATYPE(elu::FigureOptions)

namespace {

// Same double, bit for bit: 0.1 stays 0.1 and −0.0 stays −0.0.
bool identical(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

QString describe(const PlotSpec &p)
{
    return QStringLiteral("alpha %1, xmin %2, xmax %3, points %4")
        .arg(QString::number(p.curves.front().parameter, 'g', 17), QString::number(p.xmin, 'g', 17),
             QString::number(p.xmax, 'g', 17))
        .arg(p.points);
}

QString describe(const FigureOptions &f)
{
    return QStringLiteral("%1 x %2 at %3, theme %4")
        .arg(f.width)
        .arg(f.height)
        .arg(f.scale)
        .arg(int(f.theme));
}

bool sameParameters(const PlotSpec &a, const PlotSpec &b)
{
    return identical(a.curves.front().parameter, b.curves.front().parameter) && identical(a.xmin, b.xmin) && identical(a.xmax, b.xmax)
           && a.points == b.points;
}

bool sameFigure(const FigureOptions &a, const FigureOptions &b)
{
    return a.width == b.width && a.height == b.height && identical(a.scale, b.scale)
           && a.theme == b.theme;
}

using Id = elu::ActivationId;

std::vector<elu::Curve> curvesOf(const QList<int> &ids, const QList<double> &parameters)
{
    std::vector<elu::Curve> curves;
    for (qsizetype i = 0; i < ids.size(); ++i)
        curves.push_back({Id(ids[i]), parameters[i]});
    return curves;
}

QString describe(const std::vector<elu::Curve> &curves)
{
    QStringList items;
    for (const elu::Curve &curve : curves)
        items << QStringLiteral("%1/%2").arg(int(curve.activation)).arg(curve.parameter, 0, 'g', 17);
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// Same activations in the same order with bit-identical parameters.
bool sameCurves(const std::vector<elu::Curve> &a, const std::vector<elu::Curve> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].activation != b[i].activation || !identical(a[i].parameter, b[i].parameter))
            return false;
    }
    return true;
}

// The article's values and the figure defaults, written out here rather than taken from the code.
const PlotSpec articleDefaults = testsupport::eluSpec(1.0, -2.0, 2.0, 1000);
const FigureOptions figureDefaults{800, 600, 2.0, FigureTheme::Light};

} // namespace

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyFileGivesDefaults();
    void roundTrip_data();
    void roundTrip();
    void badValueFallsBackAndIsReported_data();
    void badValueFallsBackAndIsReported();
    void garbageFileLoadsValidValues_data();
    void garbageFileLoadsValidValues();

    // The curve list of the activation catalogue.
    void curveListRoundTrip_data();
    void curveListRoundTrip();
    void oldSingleAlphaLoadsAsOneEluCurve_data();
    void oldSingleAlphaLoadsAsOneEluCurve();
    void corruptCurveListFallsBack_data();
    void corruptCurveListFallsBack();
    void savingRemovesTheOldAlphaKey();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAppSettings::cleanup()
{
    m_dir.reset();
}

void TestAppSettings::emptyFileGivesDefaults()
{
    QSettings store(iniPath(), QSettings::IniFormat);
    const AppSettings settings(store);
    const AppSettings::Loaded loaded = settings.load();
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(QLatin1Char('\n'))));
    QVERIFY2(sameParameters(loaded.spec, articleDefaults),
             qPrintable(describe(loaded.spec)));
    QVERIFY2(sameFigure(loaded.figure, figureDefaults), qPrintable(describe(loaded.figure)));
    QVERIFY(settings.windowGeometry().isEmpty());
    QVERIFY(settings.lastExportFolder().isEmpty());
}

void TestAppSettings::roundTrip_data()
{
    QTest::addColumn<PlotSpec>("parameters");
    QTest::addColumn<FigureOptions>("figure");
    QTest::addColumn<QString>("folder");
    QTest::newRow("article") << articleDefaults << figureDefaults << "/tmp/out";
    QTest::newRow("every digit, subnormal end")
        << testsupport::eluSpec(1.6732632423543772, -0.1, 5e-324, 10'000'000)
        << FigureOptions{1234, 567, 1.5, FigureTheme::Dark}
        << QString::fromUtf8("/tmp/ünï cödé/α, β=γ; \"q\"");
    QTest::newRow("ReLU, widest range, two points")
        << testsupport::eluSpec(0.0, -1e6, 1e6, 2) << FigureOptions{200, 10000, 0.5, FigureTheme::Transparent}
        << "C:\\Users\\me\\Figures";
    QTest::newRow("alpha 100, negative zero")
        << testsupport::eluSpec(100.0, -0.0, 0.30000000000000004, 3)
        << FigureOptions{10000, 10000, 1.0, FigureTheme::Light} << "relative/folder";
}

void TestAppSettings::roundTrip()
{
    QFETCH(PlotSpec, parameters);
    QFETCH(FigureOptions, figure);
    QFETCH(QString, folder);
    QByteArray geometry;
    for (int byte = 0; byte < 256; ++byte)
        geometry.append(char(byte));
    static const char iniLike[] = "\n[window]\ngeometry=@ByteArray(\0)";
    geometry.append(iniLike, sizeof iniLike - 1);
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        AppSettings settings(store);
        settings.saveSpec(parameters);
        settings.saveFigureOptions(figure);
        settings.saveWindowGeometry(geometry);
        settings.saveLastExportFolder(folder);
        store.sync();
        QCOMPARE(store.status(), QSettings::NoError);
    }
    QSettings reopened(iniPath(), QSettings::IniFormat); // a new object reads the file itself
    const AppSettings settings(reopened);
    const AppSettings::Loaded loaded = settings.load();
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(QLatin1Char('\n'))));
    QVERIFY2(
        sameParameters(loaded.spec, parameters),
        qPrintable(describe(loaded.spec) + QStringLiteral(" != ") + describe(parameters)));
    QVERIFY2(sameFigure(loaded.figure, figure),
             qPrintable(describe(loaded.figure) + QStringLiteral(" != ") + describe(figure)));
    QCOMPARE(settings.windowGeometry(), geometry);
    QCOMPARE(settings.lastExportFolder(), folder);
}

void TestAppSettings::badValueFallsBackAndIsReported_data()
{
    // `entries` are key/value pairs written as text. Each row holds one unusable value (or
    // range) and one usable companion value that must survive; `mentions` are what the one
    // problem line must contain.
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<PlotSpec>("parameters");
    QTest::addColumn<FigureOptions>("figure");
    QTest::addColumn<QStringList>("mentions");

    const QString alpha = QStringLiteral("parameters/alpha"),
                  xmin = QStringLiteral("parameters/xmin");
    const QString xmax = QStringLiteral("parameters/xmax"),
                  points = QStringLiteral("parameters/points");
    const QString width = QStringLiteral("figure/width"), height = QStringLiteral("figure/height");
    const QString scale = QStringLiteral("figure/scale"), theme = QStringLiteral("figure/theme");
    const PlotSpec fiftyPoints = testsupport::eluSpec(1.0, -2.0, 2.0, 50);
    for (const char *bad : {"abc", "nan", "inf", "-1", "101", "", "1e400", "-inf"}) {
        QTest::addRow("alpha '%s'", bad) << QStringList{alpha, bad, points, "50"} << fiftyPoints
                                         << figureDefaults << QStringList{alpha, bad};
    }

    const PlotSpec alphaTwoAndHalf = testsupport::eluSpec(2.5, -2.0, 2.0, 1000);
    QTest::newRow("range reversed")
        << QStringList{xmin, "3.25", xmax, "-1.5", alpha, "2.5"} << alphaTwoAndHalf
        << figureDefaults << QStringList{"range", "3.25", "-1.5"};
    QTest::newRow("range empty") << QStringList{xmin, "0.75", xmax, "0.75", alpha, "2.5"}
                                 << alphaTwoAndHalf << figureDefaults
                                 << QStringList{"range", "0.75"};
    QTest::newRow("xmin nan") << QStringList{xmin, "nan", alpha, "2.5"} << alphaTwoAndHalf
                              << figureDefaults << QStringList{xmin, "nan"};
    QTest::newRow("xmax nan") << QStringList{xmax, "nan", alpha, "2.5"} << alphaTwoAndHalf
                              << figureDefaults << QStringList{xmax, "nan"};

    const PlotSpec xmaxThree = testsupport::eluSpec(1.0, -2.0, 3.0, 1000);
    for (const char *bad : {"1e12", "-5", "abc", "10000001", "3.5", "1", "9223372036854775808"}) {
        QTest::addRow("points '%s'", bad) << QStringList{points, bad, xmax, "3"} << xmaxThree
                                          << figureDefaults << QStringList{points, bad};
    }

    const FigureOptions height700{800, 700, 2.0, FigureTheme::Light};
    QTest::newRow("width 0") << QStringList{width, "0", height, "700"} << articleDefaults
                             << height700 << QStringList{width, "0"};
    // 2^32 + 1000: must not wrap around to a plausible 1000 pixels.
    QTest::newRow("width 4294968296")
        << QStringList{width, "4294968296", height, "700"} << articleDefaults << height700
        << QStringList{width, "4294968296"};
    QTest::newRow("scale 1e9") << QStringList{scale, "1e9", height, "700"} << articleDefaults
                               << height700 << QStringList{scale, "1e9"};
    const FigureOptions scaleOneAndHalf{800, 600, 1.5, FigureTheme::Light};
    QTest::newRow("theme purple") << QStringList{theme, "purple", scale, "1.5"} << articleDefaults
                                  << scaleOneAndHalf << QStringList{theme, "purple"};
}

void TestAppSettings::badValueFallsBackAndIsReported()
{
    QFETCH(QStringList, entries);
    QFETCH(PlotSpec, parameters);
    QFETCH(FigureOptions, figure);
    QFETCH(QStringList, mentions);
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        for (qsizetype i = 0; i + 1 < entries.size(); i += 2)
            store.setValue(entries[i], entries[i + 1]);
    }
    QSettings store(iniPath(), QSettings::IniFormat);
    const AppSettings::Loaded loaded = AppSettings(store).load();
    QVERIFY2(
        sameParameters(loaded.spec, parameters),
        qPrintable(describe(loaded.spec) + QStringLiteral(" != ") + describe(parameters)));
    QVERIFY2(sameFigure(loaded.figure, figure),
             qPrintable(describe(loaded.figure) + QStringLiteral(" != ") + describe(figure)));
    QVERIFY2(elu::validate(loaded.spec).isEmpty(),
             qPrintable(elu::validate(loaded.spec)));
    QCOMPARE(loaded.problems.size(), 1);
    for (const QString &mention : mentions) {
        QVERIFY2(
            loaded.problems.first().contains(mention, Qt::CaseInsensitive),
            qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, loaded.problems.first())));
    }
}

void TestAppSettings::garbageFileLoadsValidValues_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("alphaIsBad");

    QRandomGenerator random(20240611); // fixed: a failure reproduces
    QByteArray junk(64 * 1024, '\0');
    for (char &byte : junk)
        byte = char(random.bounded(256));
    QTest::newRow("binary junk") << junk << false;
    QTest::newRow("binary junk after a section")
        << QByteArray("[parameters]\nalpha=") + junk.left(4096) + "\npoints=" + junk.mid(9000, 4096)
        << false;
    QTest::newRow("a million digits")
        << QByteArray("[parameters]\nalpha=") + QByteArray(1'000'000, '9') + "\npoints="
               + QByteArray(1'000'000, '7') + "\nxmin=-" + QByteArray(500'000, '8') + '\n'
        << true;
    QTest::newRow("long section and key names")
        << QByteArray("[") + QByteArray(200'000, 'p') + "]\n" + QByteArray(200'000, 'k')
               + "=1\n[parameters]\nalpha=" + QByteArray(300'000, 'z') + '\n'
        << true;
    QTest::newRow("variant and byte-array markers")
        << QByteArray("[parameters]\nalpha=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x5junk)\n"
                      "xmin=@Variant(\\0\\0\\0\\x6\\0\\0)\nxmax=@Rect(1 2 3)\npoints=@Invalid()\n"
                      "[window]\ngeometry=@ByteArray(\\x1d\\x9d\\xc\\xb\n"
                      "[figure]\nwidth=@Size(99999 -1)\ntheme=@Variant(\\xff\\xff\\xff\\xff)\n")
        << true;
    QTest::newRow("lists, quotes and escapes")
        << QByteArray("[parameters]\nalpha=1,2,3\nxmin=\"\nxmax=\\\npoints=\"10\"\"\n"
                      "[figure]\nscale=\\x\\u\\0\\\nheight=,,,\n[export]\nlastFolder=\\0\\0\n")
        << true;
    QTest::newRow("control and non-UTF-8 bytes")
        << QByteArray("[parameters]\nalpha=1\x01\x02\x7f\nxmin=\xff\xfe-3\nxmax=\xc0\x80\n"
                      "[figure]\ntheme=\xff\xfe\xfd\n[parameters]\nalpha=\x80\n")
        << true;
    static const char nuls[] = "[parameters]\nalpha=2\0\0\0=\n[\0]\n=\0\n";
    QTest::newRow("nul bytes") << QByteArray(nuls, sizeof nuls - 1) << false;
}

void TestAppSettings::garbageFileLoadsValidValues()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, alphaIsBad);
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(contents), contents.size());
    file.close();

    QSettings store(iniPath(), QSettings::IniFormat);
    const AppSettings settings(store);
    const AppSettings::Loaded loaded = settings.load();
    QVERIFY2(elu::validate(loaded.spec).isEmpty(), qPrintable(describe(loaded.spec)));
    const FigureOptions &f = loaded.figure;
    QVERIFY2(elu::figureSideError(f.width).isEmpty() && elu::figureSideError(f.height).isEmpty()
                 && elu::figureScaleError(f.scale, f.width, f.height).isEmpty(),
             qPrintable(describe(f)));
    if (alphaIsBad) {
        QVERIFY2(identical(loaded.spec.curves.front().parameter, 1.0), qPrintable(describe(loaded.spec)));
        QVERIFY(!loaded.problems.isEmpty());
    }
    // Reading the other values must not crash either; what they hold is unspecified.
    settings.windowGeometry();
    settings.lastExportFolder();
}

void TestAppSettings::curveListRoundTrip_data()
{
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QList<double>>("parameters"); // 0 for an activation without one
    QTest::newRow("the article series")
        << QList<int>{int(Id::Relu), int(Id::LeakyRelu), int(Id::Elu)}
        << QList<double>{0.0, 0.01, 1.0};
    QTest::newRow("mixed, with slope, beta and a parameterless one")
        << QList<int>{int(Id::LeakyRelu), int(Id::Softplus), int(Id::Gelu), int(Id::Elu)}
        << QList<double>{0.2, 2.0, 0.0, 0.5};
    QTest::newRow("one parameterless curve") << QList<int>{int(Id::Tanh)} << QList<double>{0.0};
    QTest::newRow("elu family of three")
        << QList<int>{int(Id::Elu), int(Id::Elu), int(Id::Elu)} << QList<double>{0.5, 1.0, 2.0};
    QTest::newRow("eight curves, every digit")
        << QList<int>{int(Id::Celu), int(Id::Celu), int(Id::LeakyRelu), int(Id::Softplus),
                      int(Id::Selu), int(Id::GeluTanh), int(Id::Silu), int(Id::Mish)}
        << QList<double>{1e-300, 100.0, 0.30000000000000004, 1.6732632423543772,
                         0.0, 0.0, 0.0, 0.0};
    QTest::newRow("range ends of the parameters")
        << QList<int>{int(Id::LeakyRelu), int(Id::LeakyRelu), int(Id::Elu), int(Id::Softplus)}
        << QList<double>{0.0, 1.0, 0.0, 100.0};
}

void TestAppSettings::curveListRoundTrip()
{
    QFETCH(QList<int>, ids);
    QFETCH(QList<double>, parameters);
    PlotSpec spec = testsupport::eluSpec(1.0, -3.0, 1.5, 77);
    spec.curves = curvesOf(ids, parameters);
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        AppSettings(store).saveSpec(spec);
        store.sync();
        QCOMPARE(store.status(), QSettings::NoError);
    }
    QSettings reopened(iniPath(), QSettings::IniFormat);
    const AppSettings::Loaded loaded = AppSettings(reopened).load();
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(QLatin1Char('\n'))));
    QVERIFY2(sameCurves(loaded.spec.curves, spec.curves),
             qPrintable(describe(loaded.spec.curves) + QStringLiteral(" != ")
                        + describe(spec.curves)));
    QVERIFY(identical(loaded.spec.xmin, -3.0));
    QVERIFY(identical(loaded.spec.xmax, 1.5));
    QCOMPARE(loaded.spec.points, qint64(77));
}

void TestAppSettings::oldSingleAlphaLoadsAsOneEluCurve_data()
{
    // Settings written before the catalogue: parameters/alpha and no curve list.
    QTest::addColumn<QString>("alpha");
    QTest::addColumn<double>("expected");
    QTest::newRow("0.5") << "0.5" << 0.5;
    QTest::newRow("0 (relu)") << "0" << 0.0;
    QTest::newRow("100") << "100" << 100.0;
    QTest::newRow("every digit") << "1.6732632423543772" << 1.6732632423543772;
}

void TestAppSettings::oldSingleAlphaLoadsAsOneEluCurve()
{
    QFETCH(QString, alpha);
    QFETCH(double, expected);
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        store.setValue(QStringLiteral("parameters/alpha"), alpha);
        store.setValue(QStringLiteral("parameters/points"), QStringLiteral("50"));
    }
    QSettings store(iniPath(), QSettings::IniFormat);
    const AppSettings::Loaded loaded = AppSettings(store).load();
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(QLatin1Char('\n'))));
    const std::vector<elu::Curve> one{{Id::Elu, expected}};
    QVERIFY2(sameCurves(loaded.spec.curves, one), qPrintable(describe(loaded.spec.curves)));
    QCOMPARE(loaded.spec.points, qint64(50));
}

void TestAppSettings::corruptCurveListFallsBack_data()
{
    // `curves` is stored as a list; `mentions` must all be in the one problem line. The usable
    // companion parameters/points = 50 must survive.
    QTest::addColumn<QStringList>("curves");
    QTest::addColumn<QStringList>("mentions");
    const QString key = QStringLiteral("parameters/curves");
    QTest::newRow("unknown name") << QStringList{"relu", "foo"} << QStringList{key, "foo"};
    QTest::newRow("alpha out of range")
        << QStringList{"elu:alpha=200", "relu"} << QStringList{key, "elu:alpha=200"};
    QTest::newRow("celu alpha 0") << QStringList{"celu:alpha=0"} << QStringList{key, "celu:alpha=0"};
    QTest::newRow("slope out of range")
        << QStringList{"leaky_relu:negative_slope=2"}
        << QStringList{key, "leaky_relu:negative_slope=2"};
    QTest::newRow("beta not a number")
        << QStringList{"softplus:beta=abc"} << QStringList{key, "softplus:beta=abc"};
    QTest::newRow("parameter on relu")
        << QStringList{"relu:alpha=1"} << QStringList{key, "relu:alpha=1"};
    QTest::newRow("unknown keyword") << QStringList{"elu:alfa=1"} << QStringList{key, "elu:alfa=1"};
    QTest::newRow("empty entry") << QStringList{"relu", ""} << QStringList{key};
    QTest::newRow("nine entries")
        << QStringList{"elu:alpha=1", "elu:alpha=2", "elu:alpha=3", "elu:alpha=4", "elu:alpha=5",
                       "elu:alpha=6", "elu:alpha=7", "elu:alpha=8", "elu:alpha=9"}
        << QStringList{key, "8"};
    QTest::newRow("twelve entries, all valid alone")
        << QStringList{"relu", "leaky_relu", "elu", "celu", "selu", "gelu", "gelu_tanh", "silu",
                       "softplus", "mish", "sigmoid", "tanh"}
        << QStringList{key, "8"};
    // One entry is one curve: a family in one entry is not what saveSpec writes.
    QTest::newRow("a family in one entry")
        << QStringList{"elu:alpha=0.5,1,2"} << QStringList{key};
    QTest::newRow("the same curve twice")
        << QStringList{"elu:alpha=0.5", "relu", "elu:alpha=0.5"} << QStringList{key};
}

void TestAppSettings::corruptCurveListFallsBack()
{
    QFETCH(QStringList, curves);
    QFETCH(QStringList, mentions);
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        store.setValue(QStringLiteral("parameters/curves"), curves);
        store.setValue(QStringLiteral("parameters/points"), QStringLiteral("50"));
    }
    QSettings store(iniPath(), QSettings::IniFormat);
    const AppSettings::Loaded loaded = AppSettings(store).load();
    // The default curve list of docs/contract.md: one ELU curve, α = 1.
    const std::vector<elu::Curve> article{{Id::Elu, 1.0}};
    QVERIFY2(sameCurves(loaded.spec.curves, article), qPrintable(describe(loaded.spec.curves)));
    QCOMPARE(loaded.spec.points, qint64(50));
    QVERIFY2(elu::validate(loaded.spec).isEmpty(), qPrintable(elu::validate(loaded.spec)));
    QCOMPARE(loaded.problems.size(), 1);
    for (const QString &mention : mentions) {
        QVERIFY2(loaded.problems.first().contains(mention),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, loaded.problems.first())));
    }
}

void TestAppSettings::savingRemovesTheOldAlphaKey()
{
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        store.setValue(QStringLiteral("parameters/alpha"), QStringLiteral("0.5"));
    }
    PlotSpec spec;
    spec.curves = {{Id::Relu, 0.0}, {Id::Softplus, 2.0}};
    {
        QSettings store(iniPath(), QSettings::IniFormat);
        AppSettings(store).saveSpec(spec);
        QVERIFY(!store.contains(QStringLiteral("parameters/alpha")));
        store.sync();
        QCOMPARE(store.status(), QSettings::NoError);
    }
    // In the file itself, not only in the object's cache.
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("alpha="), text);
    QVERIFY2(text.contains("softplus:beta=2"), text); // readable, exact numbers

    QSettings reopened(iniPath(), QSettings::IniFormat);
    QVERIFY(!reopened.contains(QStringLiteral("parameters/alpha")));
    const AppSettings::Loaded loaded = AppSettings(reopened).load();
    QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(QLatin1Char('\n'))));
    QVERIFY2(sameCurves(loaded.spec.curves, spec.curves), qPrintable(describe(loaded.spec.curves)));
}

QTEST_APPLESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
