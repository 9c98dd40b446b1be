// SPDX-License-Identifier: MIT
// --animate through the real binary: the GIF and WebP it writes, read back with decoders that
// share no code with the encoders (Qt's GIF reader, libwebpdemux's WebPAnimDecoder); frames
// against the PNG export of the same session. Refusals and SIGTERM: tst_animationrefusals.
#include "animationdecoding.h"
#include "filesupport.h"
#include "gifpalette.h"
#include "palette.h"
#include "processsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <webp/demux.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace {

using Animation = testsupport::DecodedAnimation;
using testsupport::contentsOf;
using testsupport::decodeGif;
using testsupport::entriesOf;
using testsupport::knownBytes;
using testsupport::Run;
using testsupport::writeBytes;

// The file through libwebpdemux's WebPAnimDecoder (testsupport::decodeWebp).
Animation decodeWebp(const QString &path, const QList<int> &keep)
{
    Animation animation = testsupport::decodeWebp(contentsOf(path), keep);
    if (!animation.ok)
        animation.error = path + QStringLiteral(": ") + animation.error;
    return animation;
}

// Runs elu-explorer in `folder` (relative paths land there), with the C locale's words.
Run runBinary(const QStringList &arguments, const QString &folder = {})
{
    testsupport::RunOptions options;
    options.workingDirectory = folder;
    options.environment = testsupport::cLocaleEnvironment();
    return testsupport::runBinary(arguments, options);
}

QImage readPng(const QString &path)
{
    return QImage(path, "png").convertToFormat(QImage::Format_ARGB32);
}

/// Empty when the images are the same pixel for pixel; else the size or first difference.
QByteArray differenceOf(const QImage &actual, const QImage &expected)
{
    if (actual.isNull() || expected.isNull())
        return "an image is missing";
    if (actual.size() != expected.size())
        return QStringLiteral("%1 × %2, expected %3 × %4")
            .arg(actual.width())
            .arg(actual.height())
            .arg(expected.width())
            .arg(expected.height())
            .toLatin1();
    qint64 count = 0;
    QPoint first(-1, -1);
    for (int y = 0; y < actual.height(); ++y) {
        const auto *p = reinterpret_cast<const quint32 *>(actual.constScanLine(y));
        const auto *q = reinterpret_cast<const quint32 *>(expected.constScanLine(y));
        for (int x = 0; x < actual.width(); ++x) {
            if (p[x] != q[x] && count++ == 0)
                first = QPoint(x, y);
        }
    }
    if (count == 0)
        return {};
    return QStringLiteral("%1 pixels differ, the first at (%2, %3): %4, expected %5")
        .arg(count)
        .arg(first.x())
        .arg(first.y())
        .arg(actual.pixel(first), 8, 16, QLatin1Char('0'))
        .arg(expected.pixel(first), 8, 16, QLatin1Char('0'))
        .toLatin1();
}

/// The parameter of a frame at `position` (0 to 1) of a sweep from `from` to `to`, as the
/// sweep is documented (parametersweep.h), computed here on its own: FROM and TO exactly at
/// the ends, else FROM + (TO − FROM)·position rounded to a multiple of 10^exponent, read as the
/// decimal (e.g. "346e-3").
double sweepValue(double from, double to, double position, int exponent)
{
    if (position <= 0.0)
        return from;
    if (position >= 1.0)
        return to;
    const qint64 multiple =
        std::llround((from + (to - from) * position) * std::pow(10.0, -exponent));
    return (QString::number(multiple) + QStringLiteral("e") + QString::number(exponent)).toDouble();
}

/// The shortest decimal of `value`, as --curve takes it.
QString decimal(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// A session of relu and elu whose view holds still (fits_data false, y from -3 to 3.5), elu
/// selected, at 400 × 300 in `theme` and `layout`: its PNG export with α at a frame's value is
/// that frame. Empty on failure, with `why`.
QString fixedViewSession(const QString &folder, const QString &theme, const QString &layout,
                         QByteArray &why)
{
    const QString path = QDir(folder).filePath(QStringLiteral("fixed.elusession"));
    const Run run =
        runBinary({"--curve", "relu", "--curve", "elu", "--width", "400", "--height", "300",
                   "--theme", theme, "--layout", layout, "--save-session", path});
    if (run.exitCode != 0) {
        why = run.describe();
        return {};
    }
    QJsonObject session = QJsonDocument::fromJson(contentsOf(path)).object();
    QJsonObject view = session.value(QStringLiteral("view")).toObject();
    if (view.isEmpty()) {
        why = "no view in " + contentsOf(path);
        return {};
    }
    view.insert(QStringLiteral("y_lower"), -3.0);
    view.insert(QStringLiteral("y_upper"), 3.5);
    view.insert(QStringLiteral("fits_data"), false);
    session.insert(QStringLiteral("view"), view);
    session.insert(QStringLiteral("selected_curve"), 1);
    if (!writeBytes(path, QJsonDocument(session).toJson())) {
        why = "cannot write " + QFile::encodeName(path);
        return {};
    }
    return path;
}

/// The PNG export of `session` (relu, then elu with α = `alpha`) at scale 1.
QImage pngExport(const QString &session, double alpha, QByteArray &why)
{
    const QString path = QFileInfo(session).dir().filePath(QStringLiteral("export.png"));
    QFile::remove(path);
    const Run run = runBinary({"--session", session, "--curve", "relu", "--curve",
                               "elu:alpha=" + decimal(alpha), "--scale", "1", "--png", path});
    if (run.exitCode != 0)
        why = run.describe();
    return readPng(path);
}

/// The colours a figure of relu and elu draws in `theme`, background first, as the GIF encoder
/// is given them: background, ink, grid, zero line, then each curve's colour (ui/plotstyle.cpp).
std::vector<quint32> themeColours(const QString &theme)
{
    const bool dark = theme == QLatin1String("dark");
    const quint32 background = dark ? 0x1E1E1E : 0xFFFFFF;
    const quint32 ink = dark ? 0xEEEEEE : 0x202020;
    auto mix = [&](double weight) {
        quint32 rgb = 0;
        for (int shift : {16, 8, 0}) {
            const int a = int((background >> shift) & 0xFF), b = int((ink >> shift) & 0xFF);
            rgb |= quint32(std::lround(a + (b - a) * weight)) << shift;
        }
        return rgb;
    };
    const auto &curves = dark ? elu::palette::darkCurves : elu::palette::lightCurves;
    return {background, ink, mix(0.15), mix(0.45), curves[0], curves[1]};
}

/// The colour table at the start of a GIF file (after the logical screen descriptor).
std::vector<quint32> gifGlobalColourTable(const QByteArray &gif)
{
    std::vector<quint32> table;
    if (gif.size() < 13 || !gif.startsWith("GIF8") || !(uchar(gif[10]) & 0x80))
        return table;
    const int size = 2 << (uchar(gif[10]) & 7);
    for (int i = 0; i < size && 13 + 3 * i + 2 < gif.size(); ++i) {
        const auto *p = reinterpret_cast<const uchar *>(gif.constData()) + 13 + 3 * i;
        table.push_back(quint32(p[0]) << 16 | quint32(p[1]) << 8 | p[2]);
    }
    return table;
}

/// Whether `rgb` is less than one unit, per channel, from some blend bg + (ink − bg)·t of the
/// background with one ink colour, t in [0, 1]: the pixels GifPalette::blendErrorBound() speaks
/// for (a subset of them: its own set also has the units either side of an exact crossing).
bool isBlend(quint32 rgb, const std::vector<quint32> &colours)
{
    const quint32 background = colours.front();
    for (std::size_t i = 1; i < colours.size(); ++i) {
        double low = 0.0, high = 1.0;
        for (int shift : {16, 8, 0}) {
            const double bg = (background >> shift) & 0xFF,
                         d = double((colours[i] >> shift) & 0xFF) - bg;
            const double p = (rgb >> shift) & 0xFF;
            if (d == 0.0) {
                if (std::abs(p - bg) >= 1.0)
                    high = -1.0;
                continue;
            }
            const double a = (p - 1.0 - bg) / d, b = (p + 1.0 - bg) / d;
            low = std::max(low, std::min(a, b));
            high = std::min(high, std::max(a, b));
        }
        // The channels' open intervals and [0, 1] share some t.
        if (low < high)
            return true;
    }
    return false;
}

int maxChannelError(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

/// A GIF frame against the exact frame: the worst error (largest channel difference) over the
/// pixels the palette's bound speaks for, over all pixels, and how many exceed the bound.
struct GifError
{
    qint64 pixels = 0;
    qint64 blendPixels = 0;
    int worstBlendError = 0;
    QPoint worstBlendAt{-1, -1};
    int worstError = 0;
    qint64 beyondBound = 0;
};

GifError gifError(const QImage &gif, const QImage &exact, const std::vector<quint32> &colours,
                  int bound)
{
    GifError e;
    QHash<quint32, bool> blend;
    for (int y = 0; y < exact.height(); ++y) {
        for (int x = 0; x < exact.width(); ++x) {
            const QRgb want = exact.pixel(x, y), got = gif.pixel(x, y);
            const int error = maxChannelError(want, got);
            ++e.pixels;
            e.worstError = std::max(e.worstError, error);
            e.beyondBound += error > bound;
            const quint32 rgb = want & 0xFFFFFF;
            auto it = blend.constFind(rgb);
            if (it == blend.cend())
                it = blend.insert(rgb, isBlend(rgb, colours));
            if (!*it)
                continue;
            ++e.blendPixels;
            if (error > e.worstBlendError) {
                e.worstBlendError = error;
                e.worstBlendAt = QPoint(x, y);
            }
        }
    }
    return e;
}

/// The part of `image` with x in [left, right).
QImage columns(const QImage &image, int left, int right)
{
    return image.copy(left, 0, right - left, image.height());
}

} // namespace

class TestAnimationCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void doneWhenCommand();
    void framesArePngExports_data();
    void framesArePngExports();
    void axesHoldStillWhenTheViewFollowsTheData();
    void stackedLayoutHoldsItsAxes();
    void bounce();
    void transparentWebpKeepsAlpha();
    void fractionalScaleRoundsLikeThePng();

private:
    // The "done when" command, run once: 800 × 600, 60 frames, both formats. The decoded
    // animations keep their first and last frames.
    QTemporaryDir m_doneWhen;
    Run m_doneWhenRun;
    Animation m_gif;
    Animation m_webp;
};

void TestAnimationCli::initTestCase()
{
    QVERIFY(m_doneWhen.isValid());
    m_doneWhenRun = runBinary({"--curve", "relu", "--curve", "elu", "--animate", "alpha=0.1:3",
                               "--frames", "60", "--gif", "a.gif", "--webp", "a.webp"},
                              m_doneWhen.path());
    m_gif = decodeGif(m_doneWhen.filePath(QStringLiteral("a.gif")), {0, -1});
    m_webp = decodeWebp(m_doneWhen.filePath(QStringLiteral("a.webp")), {0, -1});
}

void TestAnimationCli::doneWhenCommand()
{
    QVERIFY2(m_doneWhenRun.exitCode == 0, m_doneWhenRun.describe().constData());
    QCOMPARE(entriesOf(m_doneWhen.path()), (QStringList{"a.gif", "a.webp"}));

    QVERIFY2(m_webp.ok, qPrintable(m_webp.error));
    QCOMPARE(m_webp.size, QSize(800, 600));
    QCOMPARE(m_webp.frameCount, 60);
    QCOMPARE(m_webp.loopCount, 0); // forever
    std::vector<int> ends;
    for (int k = 1; k <= 60; ++k)
        ends.push_back(50 * k);
    QCOMPARE(m_webp.timesMs, ends);

    QVERIFY2(m_gif.ok, qPrintable(m_gif.error));
    QCOMPARE(m_gif.size, QSize(800, 600));
    QCOMPARE(m_gif.frameCount, 60);
    QCOMPARE(m_gif.loopCount, -1); // Qt's "forever"
    QCOMPARE(m_gif.timesMs, std::vector<int>(60, 50));

    for (const Animation *animation : {&m_webp, &m_gif}) {
        QCOMPARE(animation->frame(0).size(), QSize(800, 600));
        QCOMPARE(animation->frame(59).size(), QSize(800, 600));
        // α = 0.1 and α = 3: the curve, its kink label and the legend's value all move.
        QVERIFY(!differenceOf(animation->frame(0), animation->frame(59)).isEmpty());
    }
}

void TestAnimationCli::framesArePngExports_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QList<int>>("checked");
    // Both ends, the second frame, a few inside, the one before last.
    QTest::newRow("light, overlaid") << "light"
                                     << "overlaid" << QList<int>{0, 1, 17, 30, 58, 59};
    QTest::newRow("dark, overlaid") << "dark"
                                    << "overlaid" << QList<int>{0, 59};
    // Stacked frames hold their axes and the legend beside them (stackedLayoutHoldsItsAxes):
    // they are not the PNG exports.
}

void TestAnimationCli::framesArePngExports()
{
    // With a fixed view (fits_data false), frame k is the PNG export of the same session at
    // scale 1 with α at frame k's value: the WebP pixel for pixel, the GIF within its palette's
    // stated bound wherever a pixel is a blend of the background with one ink colour.
    QFETCH(QString, theme);
    QFETCH(QString, layout);
    QFETCH(QList<int>, checked);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray why;
    const QString session = fixedViewSession(dir.path(), theme, layout, why);
    QVERIFY2(!session.isEmpty(), why.constData());
    const Run run = runBinary({"--session", session, "--animate", "alpha=0.1:3", "--frames", "60",
                               "--gif", "a.gif", "--webp", "a.webp"},
                              dir.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const Animation webp = decodeWebp(dir.filePath(QStringLiteral("a.webp")), checked);
    QVERIFY2(webp.ok, qPrintable(webp.error));
    QCOMPARE(webp.size, QSize(400, 300)); // scale 1, not the session's 2
    QCOMPARE(webp.frameCount, 60);
    const Animation gif = decodeGif(dir.filePath(QStringLiteral("a.gif")), checked);
    QVERIFY2(gif.ok, qPrintable(gif.error));
    QCOMPARE(gif.frameCount, 60);

    // The bound the palette states for these theme colours; the file's colour table starts with
    // the same entries, so these are the colours the encoder was given.
    const std::vector<quint32> colours = themeColours(theme);
    const elu::GifPalette palette(colours);
    const std::vector<quint32> table = gifGlobalColourTable(contentsOf(dir.filePath("a.gif")));
    QVERIFY(int(table.size()) >= palette.colourCount());
    for (int i = 0; i < palette.colourCount(); ++i)
        QVERIFY2(table[std::size_t(i)] == palette.colour(i),
                 qPrintable(QStringLiteral("colour %1: %2 in the file, %3 from the theme")
                                .arg(i)
                                .arg(table[std::size_t(i)], 6, 16, QLatin1Char('0'))
                                .arg(palette.colour(i), 6, 16, QLatin1Char('0'))));
    const int bound = palette.blendErrorBound();
    // The README states these for the app's two themes with two curves.
    QCOMPARE(bound, theme == QLatin1String("dark") ? 2 : 3);

    for (const int k : checked) {
        // 0.1:3 in 60 frames: a frame step of 0.049, so values are multiples of 0.001.
        const double alpha = sweepValue(0.1, 3.0, k / 59.0, -3);
        const QImage expected = pngExport(session, alpha, why);
        QVERIFY2(!expected.isNull(), why.constData());
        const QByteArray difference = differenceOf(webp.frame(k), expected);
        QVERIFY2(difference.isEmpty(),
                 qPrintable(QStringLiteral("WebP frame %1 (alpha = %2) is not the PNG export: %3")
                                .arg(k)
                                .arg(decimal(alpha), QString::fromLatin1(difference))));

        QCOMPARE(gif.frame(k).size(), expected.size());
        const GifError e = gifError(gif.frame(k), expected, colours, bound);
        qInfo("%s, GIF frame %d: bound %d; blends %.2f %% of pixels, worst %d; all pixels worst %d,"
              " %.3f %% beyond the bound",
              qPrintable(theme + QLatin1Char('/') + layout), k, bound,
              100.0 * double(e.blendPixels) / double(e.pixels), e.worstBlendError, e.worstError,
              100.0 * double(e.beyondBound) / double(e.pixels));
        QVERIFY2(e.worstBlendError <= bound,
                 qPrintable(QStringLiteral("GIF frame %1: error %2 at (%3, %4), bound %5")
                                .arg(k)
                                .arg(e.worstBlendError)
                                .arg(e.worstBlendAt.x())
                                .arg(e.worstBlendAt.y())
                                .arg(bound)));
        // Other pixels (where two inks meet: crossing curves, a dot on a line) have no stated
        // bound; they are few.
        QVERIFY2(e.worstError <= 48, // the README: "up to about 40 levels"
                 qPrintable(QStringLiteral("GIF frame %1: a pixel %2 levels off")
                                .arg(k)
                                .arg(e.worstError)));
        QVERIFY2(e.beyondBound * 100 <= e.pixels,
                 qPrintable(QStringLiteral("GIF frame %1: %2 of %3 pixels beyond the bound")
                                .arg(k)
                                .arg(e.beyondBound)
                                .arg(e.pixels)));
    }
}

void TestAnimationCli::axesHoldStillWhenTheViewFollowsTheData()
{
    // The done-when session follows the data: the y axes show every frame's data, so the left
    // margin (the y tick labels and title) is the same in the first and last frames while the
    // plot area differs.
    constexpr int margin = 60;
    QVERIFY2(m_doneWhenRun.exitCode == 0, m_doneWhenRun.describe().constData());
    for (const Animation *animation : {&m_webp, &m_gif}) {
        QVERIFY2(animation->ok, qPrintable(animation->error));
        const QImage &first = animation->frame(0), &last = animation->frame(59);
        const QByteArray difference =
            differenceOf(columns(last, 0, margin), columns(first, 0, margin));
        QVERIFY2(difference.isEmpty(), difference.constData());
        QVERIFY(!differenceOf(columns(last, margin, 800), columns(first, margin, 800)).isEmpty());
    }

    // Without the held axes the margin would move: each end's own PNG export differs there.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<QImage> ends;
    for (const char *alpha : {"0.1", "3"}) {
        const QString png = dir.filePath(QStringLiteral("a%1.png").arg(ends.size()));
        const Run run =
            runBinary({"--curve", "relu", "--curve", QStringLiteral("elu:alpha=") + alpha,
                       "--scale", "1", "--png", png});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        ends.push_back(readPng(png));
    }
    QVERIFY(!differenceOf(columns(ends[0], 0, margin), columns(ends[1], 0, margin)).isEmpty());
}

void TestAnimationCli::stackedLayoutHoldsItsAxes()
{
    // Stacked panels always fit y, in a PNG export and in an animation, whatever the session's
    // view: the animation holds them at every frame's data, so α = 0.1's frame has the axes of
    // α = 3's (the widest) and is not the PNG export with α = 0.1.
    constexpr int margin = 40; // the y tick labels and titles of both panels at 400 × 300
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray why;
    const QString session = fixedViewSession(dir.path(), "light", "stacked", why);
    QVERIFY2(!session.isEmpty(), why.constData());
    const Run run = runBinary(
        {"--session", session, "--animate", "alpha=0.1:3", "--frames", "60", "--webp", "a.webp"},
        dir.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const Animation webp = decodeWebp(dir.filePath(QStringLiteral("a.webp")), {0, 59});
    QVERIFY2(webp.ok, qPrintable(webp.error));
    const QImage &first = webp.frame(0), &last = webp.frame(59);
    const QByteArray difference = differenceOf(columns(first, 0, margin), columns(last, 0, margin));
    QVERIFY2(difference.isEmpty(), difference.constData());
    // The legend beside the panels keeps the width of its widest entry ("ELU, α = 0.149" is
    // wider than "ELU, α = 3"), so the x axis's tick labels, under the panels, stay put.
    constexpr int xAxisRows = 20;
    const QByteArray xAxis = differenceOf(first.copy(0, 300 - xAxisRows, 400, xAxisRows),
                                          last.copy(0, 300 - xAxisRows, 400, xAxisRows));
    QVERIFY2(xAxis.isEmpty(), xAxis.constData());
    QVERIFY(!differenceOf(columns(first, margin, 400), columns(last, margin, 400)).isEmpty());
    const QImage own = pngExport(session, 0.1, why);
    QVERIFY2(!own.isNull(), why.constData());
    QVERIFY(!differenceOf(columns(own, 0, margin), columns(first, 0, margin)).isEmpty());
}

void TestAnimationCli::bounce()
{
    // --bounce: N frames from FROM to TO and back, position 1 − |1 − 2k/N|: frame N/2 is TO
    // exactly, frame 0 FROM, and the last frame is on the way back (not FROM again).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray why;
    const QString session = fixedViewSession(dir.path(), "light", "overlaid", why);
    QVERIFY2(!session.isEmpty(), why.constData());
    const Run run = runBinary({"--session", session, "--animate", "alpha=0.1:3", "--frames", "10",
                               "--bounce", "--webp", "b.webp"},
                              dir.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const Animation webp = decodeWebp(dir.filePath(QStringLiteral("b.webp")), {0, 5, 9});
    QVERIFY2(webp.ok, qPrintable(webp.error));
    QCOMPARE(webp.frameCount, 10);
    QCOMPARE(webp.timesMs.back(), 3000); // the whole cycle, there and back, in the duration

    QImage expected = pngExport(session, 3.0, why);
    QVERIFY2(!expected.isNull(), why.constData());
    QByteArray difference = differenceOf(webp.frame(5), expected);
    QVERIFY2(difference.isEmpty(), difference.constData());
    expected = pngExport(session, 0.1, why);
    QVERIFY2(!expected.isNull(), why.constData());
    difference = differenceOf(webp.frame(0), expected);
    QVERIFY2(difference.isEmpty(), difference.constData());
    QVERIFY(!differenceOf(webp.frame(9), webp.frame(0)).isEmpty());
}

void TestAnimationCli::transparentWebpKeepsAlpha()
{
    // A GIF refuses the transparent theme; a WebP takes it, with its partial transparency.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray why;
    const QString session = fixedViewSession(dir.path(), "transparent", "overlaid", why);
    QVERIFY2(!session.isEmpty(), why.constData());
    const Run run = runBinary(
        {"--session", session, "--animate", "alpha=0.1:3", "--frames", "4", "--webp", "t.webp"},
        dir.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const Animation webp = decodeWebp(dir.filePath(QStringLiteral("t.webp")), {0});
    QVERIFY2(webp.ok, qPrintable(webp.error));
    const QImage &frame = webp.frame(0);
    QCOMPARE(frame.size(), QSize(400, 300));
    qint64 clear = 0, partial = 0, opaque = 0;
    for (int y = 0; y < frame.height(); ++y) {
        for (int x = 0; x < frame.width(); ++x) {
            const int alpha = qAlpha(frame.pixel(x, y));
            (alpha == 0 ? clear : alpha == 255 ? opaque : partial)++;
        }
    }
    QCOMPARE(qAlpha(frame.pixel(0, 0)), 0);
    QVERIFY2(clear > frame.width() * frame.height() / 2, QByteArray::number(clear).constData());
    QVERIFY2(partial > 0 && opaque > 0, "no antialiased or opaque ink");

    // The PNG export of the same session, premultiplied: a fully transparent pixel's colour
    // means nothing.
    const QImage expected = pngExport(session, 0.1, why);
    QVERIFY2(!expected.isNull(), why.constData());
    const QByteArray difference =
        differenceOf(frame.convertToFormat(QImage::Format_ARGB32_Premultiplied),
                     expected.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    QVERIFY2(difference.isEmpty(), difference.constData());
}

void TestAnimationCli::fractionalScaleRoundsLikeThePng()
{
    QTemporaryDir dir;
    const Run run = runBinary({"--curve", "elu", "--animate", "alpha=0.5:2", "--frames", "3",
                               "--width", "401", "--height", "301", "--scale", "1.3", "--webp",
                               "a.webp", "--gif", "a.gif", "--png", "a.png"},
                              dir.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QImage png = readPng(dir.filePath("a.png"));
    QCOMPARE(png.size(), QSize(521, 391));
    const Animation webp = decodeWebp(dir.filePath("a.webp"), {0});
    QVERIFY2(webp.ok, qPrintable(webp.error));
    QCOMPARE(webp.size, QSize(521, 391));
    const Animation gif = decodeGif(dir.filePath("a.gif"), {0});
    QVERIFY2(gif.ok, qPrintable(gif.error));
    QCOMPARE(gif.size, QSize(521, 391));
}

QTEST_MAIN(TestAnimationCli)
#include "tst_animationcli.moc"
