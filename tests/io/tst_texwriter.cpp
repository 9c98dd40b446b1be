// SPDX-License-Identifier: MIT
// The LaTeX export: every plotted coordinate is an exact sample, and the files compile with
// pdflatex and lualatex into one-page PDFs in the document's fonts (skipped without TeX).
#include "curvespec.h"
#include "datawriter.h"
#include "samplegrid.h"
#include "session.h"
#include "texwriter.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <cstring>

Q_DECLARE_METATYPE(elu::Session)

namespace {

elu::Session sessionOf(const QString &curves, double xmin = -2, double xmax = 2,
                       qint64 points = 1000, elu::PlotLayout layout = elu::PlotLayout::Overlaid)
{
    elu::PlotSpec spec;
    spec.curves.clear();
    for (const QString &text : curves.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const elu::ParsedCurves parsed = elu::parseCurveSpec(text);
        if (!parsed.error.isEmpty())
            qFatal("bad curve spec in the test: %s", qPrintable(parsed.error));
        spec.curves.insert(spec.curves.end(), parsed.curves.begin(), parsed.curves.end());
    }
    spec.xmin = xmin;
    spec.xmax = xmax;
    spec.points = points;
    elu::Session session = elu::withSpec(elu::Session{}, spec);
    session.layout = layout;
    return session;
}

QByteArray texOf(const elu::Session &session, const QString &dataFile = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    return elu::writeTex(buffer, session, dataFile) ? buffer.data() : QByteArray();
}

struct Checked
{
    int coordinates = 0;
    int lines = 0;
    QString failure; ///< empty when every coordinate is an exact sample
};

// Every "(x,y)" of every sampled line: x is a point of the grid and y the curve's f or f′
// there, bit for bit.
Checked checkCoordinates(const QByteArray &tex, const elu::Session &session)
{
    Checked result;
    const elu::PlotSpec &spec = session.spec;
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    const std::vector<QString> labels = elu::curveLabels(spec.curves);
    const QList<QByteArray> lines = tex.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype tag = lines[i].indexOf("% samples: ");
        if (!lines[i].startsWith("\\addplot") || tag < 0)
            continue;
        ++result.lines;
        const QList<QByteArray> words = lines[i].mid(tag + 11).split(' ');
        const auto found = std::find(labels.begin(), labels.end(), QString::fromUtf8(words[0]));
        if (found == labels.end() || words.size() != 2)
            return {result.coordinates, result.lines,
                    QString::fromUtf8("unknown line " + lines[i])};
        const elu::Curve &curve = spec.curves[std::size_t(found - labels.begin())];
        const bool derivative = words[1] == "yp";
        for (++i; i < lines.size() && lines[i] != "};"; ++i) {
            const QByteArray &point = lines[i];
            const qsizetype comma = point.indexOf(',');
            if (!point.startsWith('(') || !point.endsWith(')') || comma < 0)
                return {result.coordinates, result.lines,
                        QString::fromUtf8("not a point: " + point)};
            const QByteArray xText = point.mid(1, comma - 1);
            const QByteArray yText = point.mid(comma + 1, point.size() - comma - 2);
            const double x = std::strtod(xText.constData(), nullptr);
            const double y = std::strtod(yText.constData(), nullptr);
            const qint64 index = grid.lastIndexAtOrBelow(x);
            const double expected = derivative ? curve.derivative(x) : curve.value(x);
            if (index < 0 || grid.x(index) != x)
                return {result.coordinates, result.lines,
                        "x off the grid: " + QString::fromUtf8(point)};
            if (std::memcmp(&expected, &y, sizeof y) != 0)
                return {result.coordinates, result.lines,
                        QStringLiteral("%1: expected y %2")
                            .arg(QString::fromUtf8(point), elu::formatNumber(expected))};
            // Shortest round-trip form: what writeShortest (formatNumber) writes.
            if (QString::fromUtf8(xText) != elu::formatNumber(x)
                || QString::fromUtf8(yText) != elu::formatNumber(y))
                return {result.coordinates, result.lines,
                        "not shortest: " + QString::fromUtf8(point)};
            ++result.coordinates;
        }
    }
    return result;
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QString run(const QString &program, const QStringList &arguments, const QString &folder, bool *ok,
            int timeoutMs = 120000)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    *ok = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit
          && process.exitCode() == 0;
    return QString::fromUtf8(process.readAll());
}

} // namespace

class TstTexWriter : public QObject
{
    Q_OBJECT

private slots:
    void coordinatesAreExactSamples_data();
    void coordinatesAreExactSamples();
    void escapesNames();
    void dataFileIsReadByTable();
    void commandLine();
    void compiles_data();
    void compiles();
};

void TstTexWriter::coordinatesAreExactSamples_data()
{
    QTest::addColumn<elu::Session>("session");
    QTest::newRow("one curve") << sessionOf(QStringLiteral("elu"));
    QTest::newRow("alpha family") << sessionOf(QStringLiteral("elu:alpha=0.5,1,2 relu"));
    QTest::newRow("8 curves stacked")
        << sessionOf(QStringLiteral("relu leaky_relu elu celu selu gelu gelu_tanh silu"), -3, 3,
                     1000, elu::PlotLayout::Stacked);
    QTest::newRow("1e7 points") << sessionOf(QStringLiteral("elu:alpha=0.5 gelu_tanh"), -2, 2,
                                             10'000'000);
    QTest::newRow("tiny range") << sessionOf(QStringLiteral("elu:alpha=0.5"), -1e-7, 1e-7);
    QTest::newRow("wide range") << sessionOf(QStringLiteral("elu softplus"), -800, 1);
    elu::Session zoomed = sessionOf(QStringLiteral("elu:alpha=0.5,2"));
    zoomed.view = {-0.5, 0.25, -0.4, 1.2, false};
    QTest::newRow("zoomed view") << zoomed;
}

void TstTexWriter::coordinatesAreExactSamples()
{
    QFETCH(elu::Session, session);
    const QByteArray tex = texOf(session);
    QVERIFY(tex.startsWith("% "));
    QVERIFY(tex.contains("\\begin{tikzpicture}") && tex.endsWith("\\end{tikzpicture}\n"));
    const Checked checked = checkCoordinates(tex, session);
    QVERIFY2(checked.failure.isEmpty(), qPrintable(checked.failure));
    QVERIFY(checked.lines >= 2 * int(session.spec.curves.size()));
    // The polyline at the figure's size: a few points per pt of width, whatever N is.
    QVERIFY2(checked.coordinates <= 4 * session.figure.width * checked.lines,
             qPrintable(QString::number(checked.coordinates)));
    QVERIFY(checked.coordinates >= checked.lines * 2);
}

void TstTexWriter::escapesNames()
{
    QCOMPARE(elu::escapeTex(QStringLiteral("leaky_relu 50% a&b #1 $x$ {y}")),
             QStringLiteral("leaky\\_relu 50\\% a\\&b \\#1 \\$x\\$ \\{y\\}"));
    const QByteArray tex = texOf(sessionOf(QStringLiteral("leaky_relu gelu_tanh")));
    // Ids with '_' only appear in comments; the legend has the display names.
    for (const QByteArray &line : tex.split('\n')) {
        const QByteArray code = line.left(line.indexOf('%'));
        QVERIFY2(!code.contains("leaky_relu") && !code.contains("gelu_tanh"), line.constData());
    }
    QVERIFY(tex.contains("\\mathrm{Leaky\\ ReLU}"));
}

void TstTexWriter::dataFileIsReadByTable()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const elu::Session session = sessionOf(QStringLiteral("elu:alpha=0.5,1 leaky_relu"));
    const QString path = folder.filePath(QStringLiteral("fig.tex"));
    QVERIFY(!elu::saveTex(path, session, true));
    QFile csv(folder.filePath(QStringLiteral("fig.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readLine().startsWith("x,elu-alpha-0.5.y,"));
    QFile tex(path);
    QVERIFY(tex.open(QIODevice::ReadOnly));
    const QByteArray text = tex.readAll();
    QVERIFY(text.contains("table[col sep=comma, x=x, y={elu-alpha-0.5.y}]{fig.csv}"));
    QVERIFY(text.contains("relative to the main"));
    QVERIFY(!text.contains("% samples:"));
}

void TstTexWriter::commandLine()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString binary = QStringLiteral(ELU_EXPLORER_BINARY);
    if (!QFileInfo::exists(binary))
        QSKIP("elu-explorer is not built");
    bool ok = false;
    const QString fig = folder.filePath(QStringLiteral("fig.tex"));
    QString output =
        run(binary,
            {QStringLiteral("--curve"), QStringLiteral("elu:alpha=0.5,1,2"),
             QStringLiteral("--curve"), QStringLiteral("relu"), QStringLiteral("--tex"), fig},
            folder.path(), &ok);
    QVERIFY2(ok, qPrintable(output));
    QFile file(fig);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The same text the writer gives for the session the options describe.
    QCOMPARE(file.readAll(), texOf(sessionOf(QStringLiteral("elu:alpha=0.5,1,2 relu"))));
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("fig.csv"))));

    const QString withData = folder.filePath(QStringLiteral("sub/g.tex"));
    output = run(binary,
                 {QStringLiteral("--curve"), QStringLiteral("leaky_relu"),
                  QStringLiteral("--layout"), QStringLiteral("stacked"), QStringLiteral("--tex"),
                  withData, QStringLiteral("--tex-data")},
                 folder.path(), &ok);
    QVERIFY2(ok, qPrintable(output));
    QVERIFY(QFileInfo(folder.filePath(QStringLiteral("sub/g.csv"))).size() > 0);
    QFile data(withData);
    QVERIFY(data.open(QIODevice::ReadOnly));
    QVERIFY(data.readAll().contains("table[col sep=comma, x=x, y={y}]{g.csv}"));

    QProcess refused;
    refused.start(binary, {QStringLiteral("--tex-data")});
    QVERIFY(refused.waitForFinished(30000));
    QCOMPARE(refused.exitCode(), 2);
    QVERIFY(refused.readAllStandardError().contains("--tex-data"));
}

void TstTexWriter::compiles_data()
{
    QTest::addColumn<elu::Session>("session");
    QTest::addColumn<bool>("withData");
    QTest::addColumn<QStringList>("legend");
    QTest::newRow("one curve") << sessionOf(QStringLiteral("elu")) << false
                               << QStringList{QStringLiteral("ELU")};
    QTest::newRow("alpha family and relu")
        << sessionOf(QStringLiteral("elu:alpha=0.5,1,2 relu")) << false
        << QStringList{QStringLiteral("ELU"), QStringLiteral("ReLU"), QStringLiteral("0.5")};
    QTest::newRow("8 curves stacked, names with _")
        << sessionOf(QStringLiteral("relu leaky_relu elu celu selu gelu gelu_tanh silu"), -3, 3,
                     1000, elu::PlotLayout::Stacked)
        << false
        << QStringList{QStringLiteral("Leaky"), QStringLiteral("SELU"), QStringLiteral("SiLU")};
    QTest::newRow("1e7 points") << sessionOf(QStringLiteral("elu:alpha=0.5 leaky_relu"), -2, 2,
                                             10'000'000)
                                << false << QStringList{QStringLiteral("Leaky")};
    QTest::newRow("range 1e-7") << sessionOf(QStringLiteral("elu:alpha=0.5"), -1e-7, 1e-7) << false
                                << QStringList{QStringLiteral("ELU")};
    QTest::newRow("range -800..1, stacked")
        << sessionOf(QStringLiteral("elu"), -800, 1, 1000, elu::PlotLayout::Stacked) << false
        << QStringList{QStringLiteral("ELU")};
    elu::Session zoomed = sessionOf(QStringLiteral("elu:alpha=0.5,2 softplus"), -800, 800);
    zoomed.view = {-1, 1, -1e-7, 1e-7, false};
    QTest::newRow("zoomed far in") << zoomed << false << QStringList{QStringLiteral("Softplus")};
    QTest::newRow("data beside") << sessionOf(QStringLiteral("elu:alpha=0.5 leaky_relu")) << true
                                 << QStringList{QStringLiteral("Leaky")};
}

void TstTexWriter::compiles()
{
    QFETCH(elu::Session, session);
    QFETCH(bool, withData);
    QFETCH(QStringList, legend);
    for (const char *needed :
         {"pdflatex", "lualatex", "pdfinfo", "pdftotext", "pdffonts", "pdftoppm", "kpsewhich"}) {
        if (tool(needed).isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/install-deps.sh test "
                                            "installs TeX Live and poppler-utils)")
                                 .arg(QString::fromLatin1(needed))));
    }
    bool ok = false;
    run(tool("kpsewhich"), {QStringLiteral("standalone.cls")}, QDir::tempPath(), &ok);
    if (!ok)
        QSKIP("the standalone class is missing (texlive-latex-extra)");

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(!elu::saveTex(folder.filePath(QStringLiteral("fig.tex")), session, withData));
    const bool stacked = session.layout == elu::PlotLayout::Stacked;
    for (const char *engine : {"pdflatex", "lualatex"}) {
        const QString base = QString::fromLatin1(engine);
        QFile document(folder.filePath(base + QStringLiteral(".tex")));
        QVERIFY(document.open(QIODevice::WriteOnly));
        document.write(QByteArray("\\documentclass{standalone}\n\\usepackage{pgfplots}\n"
                                  "\\pgfplotsset{compat=1.18}\n")
                       + (stacked ? "\\usepgfplotslibrary{groupplots}\n" : "")
                       + "\\begin{document}\n\\input{fig.tex}\n\\end{document}\n");
        document.close();
        QElapsedTimer timer;
        timer.start();
        const QString log = run(tool(engine),
                                {QStringLiteral("-interaction=nonstopmode"),
                                 QStringLiteral("-halt-on-error"), base + QStringLiteral(".tex")},
                                folder.path(), &ok);
        QVERIFY2(ok, qPrintable(base + QStringLiteral(" failed:\n") + log.right(3000)));
        qInfo("%s: %lld ms", engine, timer.elapsed());
        QVERIFY2(!log.contains(QStringLiteral("Dimension too large")), qPrintable(log.right(2000)));
        const QString pdf = base + QStringLiteral(".pdf");

        const QString info = run(tool("pdfinfo"), {pdf}, folder.path(), &ok);
        QVERIFY2(ok && info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))),
                 qPrintable(info));
        const QString text = run(tool("pdftotext"), {pdf, QStringLiteral("-")}, folder.path(), &ok);
        QVERIFY(ok);
        for (const QString &entry : legend)
            QVERIFY2(text.contains(entry), qPrintable(entry + QStringLiteral(" not in:\n") + text));
        const QString fonts = run(tool("pdffonts"), {pdf}, folder.path(), &ok);
        QVERIFY2(ok
                     && (fonts.contains(QStringLiteral("CMR"))
                         || fonts.contains(QStringLiteral("LMRoman"))),
                 qPrintable(fonts));
        run(tool("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"), pdf, base},
            folder.path(), &ok);
        QVERIFY(ok);
        QVERIFY(QFileInfo(folder.filePath(base + QStringLiteral("-1.png"))).size() > 1000
                || QFileInfo(folder.filePath(base + QStringLiteral("-01.png"))).size() > 1000
                || QFileInfo(folder.filePath(base + QStringLiteral(".png"))).size() > 1000);
    }
}

QTEST_GUILESS_MAIN(TstTexWriter)
#include "tst_texwriter.moc"
