// SPDX-License-Identifier: MIT
// The GIF encoder, checked through decoders it does not share code with: Qt's GIF reader for
// frames, delays and looping, and giflib's own reader for the file's records.
#include "gifencoder.h"
#include "gifpalette.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <gif_lib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

using Theme = std::vector<quint32>;
Q_DECLARE_METATYPE(Theme)

namespace {

// Background, ink, grid, then the curves (Okabe–Ito, as the app draws them).
const Theme twoCurves{0xFFFFFF, 0x202020, 0xE0E0E0, 0x0072B2, 0xD55E00};
const Theme eightCurves{0xFFFFFF, 0x202020, 0xE0E0E0, 0x0072B2, 0xD55E00, 0x009E73,
                        0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442, 0x000000};
const Theme darkTwoCurves{0x1E1E1E, 0xE0E0E0, 0x3A3A3A, 0x56B4E9, 0xE69F00};

int channel(quint32 rgb, int ch)
{
    return int((rgb >> (16 - 8 * ch)) & 0xFF);
}

QImage filled(int width, int height, quint32 rgb)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(QColor::fromRgb(0xFF000000u | rgb));
    return image;
}

elu::FramePixels pixelsOf(const QImage &image)
{
    Q_ASSERT(image.format() == QImage::Format_ARGB32);
    return {image.width(), image.height(), image.bytesPerLine(), image.constBits()};
}

QByteArray encode(const std::vector<QImage> &frames, const std::vector<int> &durationsMs,
                  const Theme &theme)
{
    auto encoder = elu::makeGifEncoder(frames.front().width(), frames.front().height(), theme);
    for (size_t i = 0; i < frames.size(); ++i) {
        if (!encoder->addFrame(pixelsOf(frames[i]), durationsMs[i])) {
            qWarning() << "frame" << i << encoder->error();
            return {};
        }
    }
    const QByteArray gif = encoder->finish();
    if (gif.isEmpty())
        qWarning() << encoder->error();
    return gif;
}

std::vector<QImage> decodeWithQt(const QByteArray &gif, std::vector<int> *delaysMs = nullptr)
{
    QBuffer buffer;
    buffer.setData(gif);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "gif");
    std::vector<QImage> frames;
    QImage image;
    while (reader.read(&image)) {
        frames.push_back(image.convertToFormat(QImage::Format_ARGB32));
        if (delaysMs)
            delaysMs->push_back(reader.nextImageDelay());
    }
    return frames;
}

struct GifCloser
{
    void operator()(GifFileType *gif) const { DGifCloseFile(gif, nullptr); }
};
using GifFile = std::unique_ptr<GifFileType, GifCloser>;

/// The whole file through giflib's reader (DGifSlurp keeps every record).
GifFile slurp(const QByteArray &gif)
{
    struct Cursor
    {
        const QByteArray *data;
        qsizetype at;
    } cursor{&gif, 0};
    const InputFunc read = [](GifFileType *file, GifByteType *out, int length) {
        auto *c = static_cast<Cursor *>(file->UserData);
        const int n = int(std::min<qsizetype>(length, c->data->size() - c->at));
        std::memcpy(out, c->data->constData() + c->at, size_t(n));
        c->at += n;
        return n;
    };
    int error = 0;
    GifFile file(DGifOpen(&cursor, read, &error));
    if (!file || DGifSlurp(file.get()) != GIF_OK)
        return {};
    return file;
}

/// The largest difference of any channel (alpha too) over two images of one size, and where.
int largestDifference(const QImage &a, const QImage &b, QPoint *where = nullptr)
{
    int worst = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *p = reinterpret_cast<const quint32 *>(a.constScanLine(y));
        const auto *q = reinterpret_cast<const quint32 *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            for (int shift = 0; shift < 32; shift += 8) {
                const int d = std::abs(int((p[x] >> shift) & 0xFF) - int((q[x] >> shift) & 0xFF));
                if (d > worst) {
                    worst = d;
                    if (where)
                        *where = {x, y};
                }
            }
        }
    }
    return worst;
}

QByteArray describe(const QImage &a, const QImage &b, QPoint at)
{
    return QStringLiteral("at (%1, %2): %3 decoded as %4")
        .arg(at.x())
        .arg(at.y())
        .arg(a.pixel(at), 8, 16, QLatin1Char('0'))
        .arg(b.pixel(at), 8, 16, QLatin1Char('0'))
        .toLatin1();
}

/// Frames in which almost every pixel is a blend of the background with one ink colour, in
/// the ways renderers make them: ramps rounded to nearest, down, up and at random, and
/// QPainter's antialiased lines and ellipses, each colour in its own place. `shift` moves them.
QImage blendFrame(const Theme &theme, int shift)
{
    const int inks = int(theme.size()) - 1;
    QImage image = filled(300, 8 * inks + 84, theme.front());
    QRandomGenerator random(quint32(shift) + 1);
    for (int i = 0; i < inks; ++i) {
        for (int mode = 0; mode < 8; ++mode) {
            auto *row = reinterpret_cast<quint32 *>(image.scanLine(8 * i + mode));
            for (int x = 0; x < image.width(); ++x) {
                const double t = ((x + shift * 7) % 257) / 256.0;
                quint32 rgb = 0xFF000000u;
                for (int ch = 0; ch < 3; ++ch) {
                    const double v =
                        channel(theme[0], ch)
                        + t * (channel(theme[size_t(i + 1)], ch) - channel(theme[0], ch));
                    const int rounded = mode == 0           ? int(std::lround(v))
                                        : mode == 1         ? int(std::floor(v))
                                        : mode == 2         ? int(std::ceil(v))
                                        : random.bounded(2) ? int(std::ceil(v))
                                                            : int(std::floor(v));
                    rgb |= quint32(rounded) << (16 - 8 * ch);
                }
                row[x] = rgb;
            }
        }
    }
    QImage painted = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&painted);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < inks; ++i) {
        const QRectF cell(4 + 36.0 * (i % 8) + shift * 0.37, 8 * inks + 4 + 40 * (i / 8), 30, 36);
        painter.setPen(
            QPen(QColor::fromRgb(0xFF000000u | theme[size_t(i + 1)]), 1.3 + 0.2 * shift));
        painter.drawEllipse(cell.adjusted(2, 2, -14, -20));
        painter.drawLine(cell.bottomLeft(), cell.topRight() + QPointF(-shift * 0.61, 12));
    }
    painter.end();
    return painted.convertToFormat(QImage::Format_ARGB32);
}

/// Distance in RGB from `rgb` to the nearest blend of the background with an ink colour.
double distanceToBlends(quint32 rgb, const Theme &theme)
{
    double nearest = 1e9;
    for (size_t i = 1; i < theme.size(); ++i) {
        double dd = 0, pd = 0;
        for (int ch = 0; ch < 3; ++ch) {
            const double d = channel(theme[i], ch) - channel(theme[0], ch);
            dd += d * d;
            pd += (channel(rgb, ch) - channel(theme[0], ch)) * d;
        }
        const double t = dd > 0 ? std::clamp(pd / dd, 0.0, 1.0) : 0.0;
        double e = 0;
        for (int ch = 0; ch < 3; ++ch) {
            const double v =
                channel(theme[0], ch) + t * (channel(theme[i], ch) - channel(theme[0], ch));
            e += (channel(rgb, ch) - v) * (channel(rgb, ch) - v);
        }
        nearest = std::min(nearest, std::sqrt(e));
    }
    return nearest;
}

/// Paints the colours in square blocks, left to right, row by row.
QImage blocks(const std::vector<quint32> &colours, quint32 background, int side, int columns)
{
    const int rows = (int(colours.size()) + columns - 1) / columns;
    QImage image = filled(side * columns, side * rows, background);
    QPainter painter(&image);
    for (size_t i = 0; i < colours.size(); ++i)
        painter.fillRect(side * (int(i) % columns), side * (int(i) / columns), side, side,
                         QColor::fromRgb(0xFF000000u | colours[i]));
    painter.end();
    return image;
}

} // namespace

class TestGifEncoder : public QObject
{
    Q_OBJECT

private slots:
    void delays_data();
    void delays();
    void loopsForeverInGif89a();
    void blendsStayWithinTheBound_data();
    void blendsStayWithinTheBound();
    void boundOfTheTheme_data();
    void boundOfTheTheme();
    void ladderColoursAreExact_data() { blendsStayWithinTheBound_data(); }
    void ladderColoursAreExact();
    void frequentColoursOfTheFirstFrameAreExact();
    void flatStaysFlat_data();
    void flatStaysFlat();
    void onlyTheChangedRectangleIsStored();
    void refusals_data();
    void refusals();
    void finishNeedsAFrameAndComesOnce();
    void impossibleSize();
};

void TestGifEncoder::delays_data()
{
    QTest::addColumn<std::vector<int>>("durationsMs");
    QTest::addColumn<std::vector<int>>("centiseconds");
    QTest::addColumn<bool>("identicalFrames");

    QTest::newRow("3 s in 60 frames")
        << std::vector<int>(60, 50) << std::vector<int>(60, 5) << false;
    // 1000·k/7 ms rounded: the frames last 143 or 142 ms; their ends, rounded to 1/100 s, are
    // 14, 29, 43, 57, 71, 86 and 100 cs.
    QTest::newRow("1 s in 7 frames") << std::vector<int>{143, 143, 143, 142, 143, 143, 143}
                                     << std::vector<int>{14, 15, 14, 14, 14, 15, 14} << false;
    // Rounding each 25 ms alone would give 3 cs four times, 120 ms for 100.
    QTest::newRow("25 ms frames do not drift")
        << std::vector<int>{25, 25, 25, 25} << std::vector<int>{3, 2, 3, 2} << false;
    QTest::newRow("identical frames keep their time")
        << std::vector<int>{40, 40, 40, 40, 40} << std::vector<int>{4, 4, 4, 4, 4} << true;
    QTest::newRow("a long frame") << std::vector<int>{20, 12345, 35} << std::vector<int>{2, 1235, 3}
                                  << false;
    // Frames under 20 ms: the file holds 1 cs, which viewers (Qt as browsers) show as 10 cs.
    QTest::newRow("15 ms frames, too short to view")
        << std::vector<int>{15, 15, 15, 15} << std::vector<int>{2, 1, 2, 1} << false;
}

void TestGifEncoder::delays()
{
    QFETCH(std::vector<int>, durationsMs);
    QFETCH(std::vector<int>, centiseconds);
    QFETCH(bool, identicalFrames);

    std::vector<QImage> frames;
    for (size_t i = 0; i < durationsMs.size(); ++i) {
        QImage frame = filled(40, 30, twoCurves[0]);
        if (!identicalFrames)
            frame.setPixel(int(i) % 40, int(i) / 40, 0xFF0072B2u);
        frames.push_back(frame);
    }
    const QByteArray gif = encode(frames, durationsMs, twoCurves);
    QVERIFY(!gif.isEmpty());

    // Qt: one image per frame, each telling its delay in ms.
    QBuffer buffer;
    buffer.setData(gif);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "gif");
    QCOMPARE(reader.imageCount(), int(frames.size()));
    QCOMPARE(reader.size(), QSize(40, 30));
    for (size_t i = 0; i < frames.size(); ++i) {
        QImage image;
        QVERIFY2(reader.read(&image), qPrintable(reader.errorString()));
        QCOMPARE(image.size(), QSize(40, 30));
        QCOMPARE(largestDifference(image.convertToFormat(QImage::Format_ARGB32), frames[i]), 0);
        QCOMPARE(reader.nextImageDelay(), 10 * (centiseconds[i] < 2 ? 10 : centiseconds[i]));
    }
    int totalMs = 0;
    int totalCs = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        totalMs += durationsMs[i];
        totalCs += centiseconds[i];
    }
    QCOMPARE(totalCs, (totalMs + 5) / 10); // the whole animation, rounded once

    // giflib: the Graphics Control Extension of each frame holds the same centiseconds.
    const GifFile file = slurp(gif);
    QVERIFY(file);
    QCOMPARE(file->ImageCount, int(frames.size()));
    for (int i = 0; i < file->ImageCount; ++i) {
        GraphicsControlBlock control;
        QCOMPARE(DGifSavedExtensionToGCB(file.get(), i, &control), GIF_OK);
        QCOMPARE(control.DelayTime, centiseconds[size_t(i)]);
    }
}

void TestGifEncoder::loopsForeverInGif89a()
{
    const QByteArray gif =
        encode({filled(8, 8, 0xFFFFFF), filled(8, 8, 0x202020)}, {100, 100}, twoCurves);
    QVERIFY(gif.startsWith("GIF89a"));

    QBuffer buffer;
    buffer.setData(gif);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "gif");
    QCOMPARE(reader.loopCount(), -1); // Qt's "forever": NETSCAPE2.0 with loop count 0

    // The application extension, before the first image: "NETSCAPE2.0", then the sub-block
    // {1, loop count 0 as 16-bit little-endian}.
    const GifFile file = slurp(gif);
    QVERIFY(file);
    QCOMPARE(file->SWidth, 8);
    QCOMPARE(file->SHeight, 8);
    const SavedImage &first = file->SavedImages[0];
    bool found = false;
    for (int i = 0; i + 1 < first.ExtensionBlockCount; ++i) {
        const ExtensionBlock &block = first.ExtensionBlocks[i];
        if (block.Function != APPLICATION_EXT_FUNC_CODE)
            continue;
        QCOMPARE(block.ByteCount, 11);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(block.Bytes), 11),
                 QByteArray("NETSCAPE2.0"));
        const ExtensionBlock &data = first.ExtensionBlocks[i + 1];
        QCOMPARE(data.Function, CONTINUE_EXT_FUNC_CODE);
        QCOMPARE(data.ByteCount, 3);
        QCOMPARE(int(data.Bytes[0]), 1);
        QCOMPARE(int(data.Bytes[1]), 0);
        QCOMPARE(int(data.Bytes[2]), 0);
        found = true;
    }
    QVERIFY(found);
}

void TestGifEncoder::blendsStayWithinTheBound_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::newRow("light, two curves") << twoCurves;
    QTest::newRow("light, eight curves") << eightCurves;
    QTest::newRow("dark, two curves") << darkTwoCurves;
}

void TestGifEncoder::blendsStayWithinTheBound()
{
    QFETCH(Theme, theme);
    const int bound = elu::GifPalette(theme).blendErrorBound();

    std::vector<QImage> frames;
    for (int shift = 0; shift < 5; ++shift)
        frames.push_back(blendFrame(theme, shift));
    const QByteArray gif = encode(frames, std::vector<int>(frames.size(), 40), theme);
    const std::vector<QImage> decoded = decodeWithQt(gif);
    QCOMPARE(decoded.size(), frames.size());
    for (size_t i = 0; i < frames.size(); ++i) {
        QPoint at;
        const int error = largestDifference(frames[i], decoded[i], &at);
        QVERIFY2(error <= bound, describe(frames[i], decoded[i], at) + " frame "
                                     + QByteArray::number(qulonglong(i)));
    }
}

void TestGifEncoder::boundOfTheTheme_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::addColumn<int>("stated");
    // The figures the README states, in units of 1/255 per channel.
    QTest::newRow("light, two curves") << twoCurves << 3;
    QTest::newRow("light, eight curves") << eightCurves << 5;
    QTest::newRow("dark, two curves") << darkTwoCurves << 2;
}

void TestGifEncoder::boundOfTheTheme()
{
    QFETCH(Theme, theme);
    QFETCH(int, stated);
    const elu::GifPalette palette(theme);
    QVERIFY2(palette.blendErrorBound() <= stated, QByteArray::number(palette.blendErrorBound()));
    // About half a step of the coarsest ladder, and never below it: a blend halfway between
    // two steps is that far from both.
    int halfStep = 0;
    for (size_t i = 0; i < palette.ladderSteps().size(); ++i) {
        int span = 0;
        for (int ch = 0; ch < 3; ++ch)
            span = std::max(span, std::abs(channel(theme[i + 1], ch) - channel(theme[0], ch)));
        halfStep = std::max(halfStep, int(std::ceil(span / (2.0 * palette.ladderSteps()[i]))));
    }
    QVERIFY(palette.blendErrorBound() >= halfStep - 1);
    QVERIFY(palette.blendErrorBound() <= halfStep + 1);
}

/// Every step of every ladder, bg + (c − bg)·j/L rounded, is in the table: a frame made of
/// them comes back exactly.
void TestGifEncoder::ladderColoursAreExact()
{
    QFETCH(Theme, theme);
    const elu::GifPalette palette(theme);
    QCOMPARE(palette.ladderSteps().size(), theme.size() - 1);
    std::vector<quint32> colours{theme[0]};
    for (size_t i = 0; i < palette.ladderSteps().size(); ++i) {
        const int steps = palette.ladderSteps()[i];
        for (int j = 1; j <= steps; ++j) {
            quint32 rgb = 0;
            for (int ch = 0; ch < 3; ++ch) {
                const int from = channel(theme[0], ch);
                rgb |= quint32(qRound(from + double(channel(theme[i + 1], ch) - from) * j / steps))
                       << (16 - 8 * ch);
            }
            colours.push_back(rgb);
        }
    }
    QVERIFY(colours.size() <= 255);
    const QImage first = blocks(colours, theme[0], 3, 16);
    std::vector<quint32> reversed(colours.rbegin(), colours.rend());
    const QImage second = blocks(reversed, theme[0], 3, 16);
    const std::vector<QImage> decoded = decodeWithQt(encode({first, second}, {50, 50}, theme));
    QCOMPARE(decoded.size(), size_t(2));
    QPoint at;
    QVERIFY2(largestDifference(first, decoded[0], &at) == 0, describe(first, decoded[0], at));
    QVERIFY2(largestDifference(second, decoded[1], &at) == 0, describe(second, decoded[1], at));
}

/// Colours far from every ladder, such as where two curves cross, get entries of their own when
/// the first frame has them: up to 32 of them come back exactly, in later frames too.
void TestGifEncoder::frequentColoursOfTheFirstFrameAreExact()
{
    std::vector<quint32> colours;
    // Where the two curves cross, half and half.
    colours.push_back(0x6A6859); // (#0072B2 + #D55E00) / 2
    QRandomGenerator random(26);
    while (colours.size() < 32) {
        const quint32 rgb = random.generate() & 0xFFFFFFu;
        if (distanceToBlends(rgb, twoCurves) > 12
            && std::find(colours.begin(), colours.end(), rgb) == colours.end())
            colours.push_back(rgb);
    }
    const QImage first = blocks(colours, twoCurves[0], 6, 8);
    std::shuffle(colours.begin(), colours.end(), random);
    const QImage second = blocks(colours, twoCurves[0], 6, 8);
    const std::vector<QImage> decoded = decodeWithQt(encode({first, second}, {50, 50}, twoCurves));
    QCOMPARE(decoded.size(), size_t(2));
    QPoint at;
    QVERIFY2(largestDifference(first, decoded[0], &at) == 0, describe(first, decoded[0], at));
    QVERIFY2(largestDifference(second, decoded[1], &at) == 0, describe(second, decoded[1], at));
}

void TestGifEncoder::flatStaysFlat_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::addColumn<quint32>("firstColour");
    QTest::addColumn<quint32>("secondColour");
    QTest::addColumn<bool>("secondExact");
    QTest::newRow("the background") << twoCurves << 0xFFFFFFu << 0xFFFFFFu << true;
    QTest::newRow("the dark background") << darkTwoCurves << 0x1E1E1Eu << 0x1E1E1Eu << true;
    QTest::newRow("an ink colour") << twoCurves << 0xFFFFFFu << 0x0072B2u << true;
    // Not in the table: one nearest entry for all, never a dither pattern.
    QTest::newRow("a colour the table lacks") << twoCurves << 0xFFFFFFu << 0x7F3FA0u << false;
    QTest::newRow("a first frame's colour") << twoCurves << 0xF2E6D9u << 0xF2E6D9u << true;
}

void TestGifEncoder::flatStaysFlat()
{
    QFETCH(Theme, theme);
    QFETCH(quint32, firstColour);
    QFETCH(quint32, secondColour);
    QFETCH(bool, secondExact);
    const QImage first = filled(64, 48, firstColour);
    const QImage second = filled(64, 48, secondColour);
    const std::vector<QImage> decoded = decodeWithQt(encode({first, second}, {50, 50}, theme));
    QCOMPARE(decoded.size(), size_t(2));
    QCOMPARE(largestDifference(first, decoded[0]), 0);
    const QImage uniform = filled(64, 48, decoded[1].pixel(0, 0) & 0xFFFFFFu);
    QCOMPARE(largestDifference(uniform, decoded[1]), 0);
    if (secondExact)
        QCOMPARE(largestDifference(second, decoded[1]), 0);
}

void TestGifEncoder::onlyTheChangedRectangleIsStored()
{
    auto frameWith = [](QList<QRect> marks) {
        QImage image = filled(200, 150, 0xFFFFFF);
        QPainter painter(&image);
        for (const QRect &mark : marks)
            painter.fillRect(mark, QColor(0x0072B2));
        painter.end();
        return image;
    };
    const std::vector<QImage> frames{
        frameWith({QRect(10, 10, 20, 20)}),
        frameWith({QRect(30, 20, 20, 20)}), // moved: the change spans both squares
        frameWith({QRect(30, 20, 20, 20)}), // the same: nothing changed
        frameWith({QRect(30, 20, 20, 20), QRect(190, 140, 1, 1)}), // one more pixel
    };
    const QByteArray gif = encode(frames, {50, 60, 70, 80}, twoCurves);
    const GifFile file = slurp(gif);
    QVERIFY(file);
    QCOMPARE(file->ImageCount, 4);
    const auto rect = [&](int i) {
        const GifImageDesc &d = file->SavedImages[i].ImageDesc;
        return QRect(d.Left, d.Top, d.Width, d.Height);
    };
    QCOMPARE(rect(0), QRect(0, 0, 200, 150));
    QCOMPARE(rect(1), QRect(10, 10, 40, 30));
    QCOMPARE(rect(2).size(), QSize(1, 1));
    QCOMPARE(rect(3), QRect(190, 140, 1, 1));

    std::vector<int> delays;
    const std::vector<QImage> decoded = decodeWithQt(gif, &delays);
    QCOMPARE(decoded.size(), frames.size());
    for (size_t i = 0; i < frames.size(); ++i)
        QCOMPARE(largestDifference(frames[i], decoded[i]), 0);
    QCOMPARE(delays, (std::vector<int>{50, 60, 70, 80}));
}

void TestGifEncoder::refusals_data()
{
    QTest::addColumn<QImage>("frame");
    QTest::addColumn<int>("durationMs");
    QTest::addColumn<QString>("reason");

    QImage translucent = filled(16, 16, 0xFFFFFF);
    translucent.setPixel(3, 4, 0x800072B2u);
    QTest::newRow("a translucent pixel")
        << translucent << 40 << QStringLiteral("GIF has no partial transparency");
    QImage transparent = filled(16, 16, 0xFFFFFF);
    transparent.setPixel(15, 15, 0x00FFFFFFu);
    QTest::newRow("a transparent pixel")
        << transparent << 40 << QStringLiteral("GIF has no partial transparency");
    QTest::newRow("another size") << filled(17, 16, 0xFFFFFF) << 40 << QStringLiteral("17 × 16");
    QTest::newRow("a negative duration")
        << filled(16, 16, 0xFFFFFF) << -1 << QStringLiteral("-1 ms");
    QTest::newRow("longer than GIF can say")
        << filled(16, 16, 0xFFFFFF) << 655360 << QStringLiteral("655.35 s");
}

void TestGifEncoder::refusals()
{
    QFETCH(QImage, frame);
    QFETCH(int, durationMs);
    QFETCH(QString, reason);

    // Refused as a first frame and as a later one; either way the animation is as it was.
    for (bool later : {false, true}) {
        auto encoder = elu::makeGifEncoder(16, 16, twoCurves);
        const QImage good = filled(16, 16, 0x202020);
        if (later)
            QVERIFY(encoder->addFrame(pixelsOf(good), 30));
        QVERIFY(!encoder->addFrame(pixelsOf(frame), durationMs));
        QVERIFY2(encoder->error().contains(reason), qPrintable(encoder->error()));
        QVERIFY(encoder->addFrame(pixelsOf(good), 30));
        std::vector<int> delays;
        const std::vector<QImage> decoded = decodeWithQt(encoder->finish(), &delays);
        QCOMPARE(decoded.size(), size_t(later ? 2 : 1));
        QCOMPARE(largestDifference(good, decoded.back()), 0);
        QCOMPARE(delays.back(), 30);
    }
}

void TestGifEncoder::finishNeedsAFrameAndComesOnce()
{
    auto encoder = elu::makeGifEncoder(16, 16, twoCurves);
    QVERIFY(encoder->finish().isEmpty());
    QVERIFY(encoder->error().contains(QStringLiteral("at least one frame")));
    const QImage frame = filled(16, 16, 0xFFFFFF);
    QVERIFY(encoder->addFrame(pixelsOf(frame), 30));
    QVERIFY(!encoder->finish().isEmpty());
    QVERIFY(encoder->finish().isEmpty());
    QVERIFY(encoder->error().contains(QStringLiteral("already finished")));
    QVERIFY(!encoder->addFrame(pixelsOf(frame), 30));
}

void TestGifEncoder::impossibleSize()
{
    auto encoder = elu::makeGifEncoder(0, 10, twoCurves);
    const QImage frame = filled(1, 10, 0xFFFFFF);
    QVERIFY(!encoder->addFrame({0, 10, 4, frame.constBits()}, 30));
    QVERIFY(encoder->error().contains(QStringLiteral("0 × 10")));
    QVERIFY(encoder->finish().isEmpty());
}

QTEST_MAIN(TestGifEncoder)
#include "tst_gifencoder.moc"
