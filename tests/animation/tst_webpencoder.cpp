// SPDX-License-Identifier: MIT
// The WebP encoder, checked through libwebpdemux's WebPAnimDecoder, which shares no code with
// the encoder's side of libwebp (WebPAnimEncoder): lossless means every frame comes back pixel
// for pixel.
#include "animationdecoding.h"
#include "webpencoder.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QTest>

#include <webp/demux.h>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

namespace {

elu::FramePixels pixelsOf(const QImage &image)
{
    Q_ASSERT(image.format() == QImage::Format_ARGB32);
    return {image.width(), image.height(), image.bytesPerLine(), image.constBits()};
}

QByteArray encode(const std::vector<QImage> &frames, const std::vector<int> &durationsMs)
{
    auto encoder = elu::makeWebpEncoder(frames.front().width(), frames.front().height());
    for (size_t i = 0; i < frames.size(); ++i) {
        if (!encoder->addFrame(pixelsOf(frames[i]), durationsMs[i])) {
            qWarning() << "frame" << i << encoder->error();
            return {};
        }
    }
    const QByteArray webp = encoder->finish();
    if (webp.isEmpty())
        qWarning() << encoder->error();
    return webp;
}

/// The first pixel where two images of one size differ, in all four channels, or (-1, -1).
QPoint firstDifference(const QImage &a, const QImage &b)
{
    for (int y = 0; y < a.height(); ++y) {
        const auto *p = reinterpret_cast<const quint32 *>(a.constScanLine(y));
        const auto *q = reinterpret_cast<const quint32 *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if (p[x] != q[x])
                return {x, y};
        }
    }
    return {-1, -1};
}

QByteArray describe(const QImage &input, const QImage &decoded, QPoint at, size_t frame)
{
    if (at.x() < 0)
        return {};
    return QStringLiteral("frame %1 at (%2, %3): %4 decoded as %5")
        .arg(frame)
        .arg(at.x())
        .arg(at.y())
        .arg(input.pixel(at), 8, 16, QLatin1Char('0'))
        .arg(decoded.pixel(at), 8, 16, QLatin1Char('0'))
        .toLatin1();
}

/// A small plot: white, a grid, axes, two antialiased curves that move with k, a label.
QImage plotFrame(int k)
{
    QImage image(160, 120, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0xE0E0E0));
    for (int x = 10; x < 160; x += 30)
        painter.drawLine(x, 0, x, 120);
    painter.setPen(QPen(QColor(0x202020), 1.5));
    painter.drawLine(0, 60, 160, 60);
    for (int c = 0; c < 2; ++c) {
        QPainterPath path;
        for (int x = 0; x <= 160; x += 4) {
            const double y = 60 - (30 + 5 * k) * std::tanh((x - 80) / (20.0 + 10 * c));
            x == 0 ? path.moveTo(x, y) : path.lineTo(x, y);
        }
        painter.setPen(QPen(QColor(c ? 0xD55E00 : 0x0072B2), 2));
        painter.drawPath(path);
    }
    painter.drawText(8, 16, QStringLiteral("k = %1").arg(k));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

/// Random pixels, some of them held from the last frame so that sub-frames have work to do;
/// `alpha` picks each new pixel's alpha, and alpha 0 pixels keep a random colour.
std::vector<QImage> randomFrames(int count, const std::function<int(QRandomGenerator &)> &alpha)
{
    QRandomGenerator random(42);
    std::vector<QImage> frames;
    QImage image(96, 64, QImage::Format_ARGB32);
    image.fill(0);
    for (int k = 0; k < count; ++k) {
        const QRect changed(random.bounded(48), random.bounded(32), 48, 32);
        for (int y = changed.top(); y <= changed.bottom(); ++y) {
            auto *row = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = changed.left(); x <= changed.right(); ++x)
                row[x] = quint32(alpha(random)) << 24 | (random.generate() & 0xFFFFFFu);
        }
        frames.push_back(image.copy());
    }
    return frames;
}

} // namespace

class TestWebpEncoder : public QObject
{
    Q_OBJECT

private slots:
    void framesComeBackExactly_data();
    void framesComeBackExactly();
    void repeatedFramesShowForTheirTime();
    void oneFrameIsAStill();
    void refusals_data();
    void refusals();
    void finishNeedsAFrameAndComesOnce();
    void impossibleSize_data();
    void impossibleSize();
};

void TestWebpEncoder::framesComeBackExactly_data()
{
    QTest::addColumn<std::vector<QImage>>("frames");
    QTest::addColumn<std::vector<int>>("durationsMs");

    std::vector<QImage> plot;
    for (int k = 0; k < 6; ++k)
        plot.push_back(plotFrame(k));
    QTest::newRow("opaque plot") << plot << std::vector<int>{40, 50, 60, 70, 80, 33};
    QTest::newRow("opaque noise") << randomFrames(5, [](QRandomGenerator &) { return 255; })
                                  << std::vector<int>(5, 100);
    QTest::newRow("translucent") << randomFrames(5, [](QRandomGenerator &r) {
        return r.bounded(1, 255);
    }) << std::vector<int>{10, 20, 30, 40, 50};
    // Fully transparent pixels whose colours change: `exact` keeps them.
    QTest::newRow("transparent, colour kept")
        << randomFrames(5, [](QRandomGenerator &) { return 0; }) << std::vector<int>(5, 41);
    QTest::newRow("every alpha") << randomFrames(8, [](QRandomGenerator &r) {
        const int kind = r.bounded(3);
        return kind == 0 ? 0 : kind == 1 ? 255 : r.bounded(256);
    }) << std::vector<int>{1, 2, 3, 1000, 5, 60000, 7, 8};
}

void TestWebpEncoder::framesComeBackExactly()
{
    QFETCH(std::vector<QImage>, frames);
    QFETCH(std::vector<int>, durationsMs);

    const testsupport::DecodedAnimation decoded = testsupport::decodeWebp(encode(frames, durationsMs));
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.size, frames.front().size());
    QCOMPARE(decoded.loopCount, 0); // forever
    QCOMPARE(decoded.frameCount, int(frames.size()));
    QCOMPARE(decoded.frames.size(), frames.size());
    int endMs = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        endMs += durationsMs[i];
        QCOMPARE(decoded.timesMs[i], endMs);
        const QPoint at = firstDifference(frames[i], decoded.frame(int(i)));
        QVERIFY2(at.x() < 0, describe(frames[i], decoded.frame(int(i)), at, i));
    }
}

/// A frame equal to the one before may be merged into it: what shows at every moment is still
/// the frame of that moment, and the animation lasts as long.
void TestWebpEncoder::repeatedFramesShowForTheirTime()
{
    const QImage a = plotFrame(1);
    const QImage b = plotFrame(2);
    const std::vector<QImage> frames{a, a, b, b, b, a};
    const std::vector<int> durations{100, 200, 100, 50, 50, 300};
    const testsupport::DecodedAnimation decoded = testsupport::decodeWebp(encode(frames, durations));
    QVERIFY(decoded.ok);
    QVERIFY(!decoded.frames.empty());
    QCOMPARE(decoded.timesMs.back(), 800);
    int startMs = 0;
    size_t shown = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        while (shown < decoded.timesMs.size() && decoded.timesMs[shown] <= startMs)
            ++shown;
        QVERIFY(shown < decoded.frames.size());
        const QPoint at = firstDifference(frames[i], decoded.frame(int(shown)));
        QVERIFY2(at.x() < 0, describe(frames[i], decoded.frame(int(shown)), at, i));
        startMs += durations[i];
    }
}

/// libwebp writes a lone frame as a still image: there is no time to keep.
void TestWebpEncoder::oneFrameIsAStill()
{
    const QImage frame = plotFrame(3);
    const testsupport::DecodedAnimation decoded = testsupport::decodeWebp(encode({frame}, {500}));
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.size, frame.size());
    QCOMPARE(decoded.frameCount, 1);
    QVERIFY(firstDifference(frame, decoded.frame(0)).x() < 0);
}

void TestWebpEncoder::refusals_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("withPixels");
    QTest::addColumn<int>("durationMs");
    QTest::addColumn<QString>("reason");
    QTest::newRow("another size") << 161 << 120 << true << 40 << QStringLiteral("161 × 120");
    QTest::newRow("no pixels") << 160 << 120 << false << 40 << QStringLiteral("no pixels");
    QTest::newRow("a negative duration") << 160 << 120 << true << -5 << QStringLiteral("-5 ms");
}

void TestWebpEncoder::refusals()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(bool, withPixels);
    QFETCH(int, durationMs);
    QFETCH(QString, reason);

    QImage bad(width, height, QImage::Format_ARGB32);
    bad.fill(Qt::red);
    const elu::FramePixels pixels{width, height, bad.bytesPerLine(),
                                  withPixels ? bad.constBits() : nullptr};
    // Refused as a first frame and as a later one; either way the animation is as it was.
    for (bool later : {false, true}) {
        auto encoder = elu::makeWebpEncoder(160, 120);
        if (later)
            QVERIFY(encoder->addFrame(pixelsOf(plotFrame(0)), 30));
        QVERIFY(!encoder->addFrame(pixels, durationMs));
        QVERIFY2(encoder->error().contains(reason), qPrintable(encoder->error()));
        QVERIFY(encoder->addFrame(pixelsOf(plotFrame(1)), 70));
        QVERIFY(encoder->addFrame(pixelsOf(plotFrame(2)), 50));
        const testsupport::DecodedAnimation decoded = testsupport::decodeWebp(encoder->finish());
        QVERIFY(decoded.ok);
        QCOMPARE(decoded.frameCount, later ? 3 : 2);
        QCOMPARE(decoded.timesMs.back(), later ? 150 : 120);
        QVERIFY(firstDifference(plotFrame(2), decoded.frame(decoded.frameCount - 1)).x() < 0);
    }
}

void TestWebpEncoder::finishNeedsAFrameAndComesOnce()
{
    auto encoder = elu::makeWebpEncoder(160, 120);
    QVERIFY(encoder->finish().isEmpty());
    QVERIFY(encoder->error().contains(QStringLiteral("at least one frame")));
    const QImage frame = plotFrame(0);
    QVERIFY(encoder->addFrame(pixelsOf(frame), 30));
    QVERIFY(!encoder->finish().isEmpty());
    QVERIFY(encoder->finish().isEmpty());
    QVERIFY(encoder->error().contains(QStringLiteral("already finished")));
    QVERIFY(!encoder->addFrame(pixelsOf(frame), 30));
}

void TestWebpEncoder::impossibleSize_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("empty") << 0 << 10;
    QTest::newRow("wider than WebP") << 16384 << 1;
}

void TestWebpEncoder::impossibleSize()
{
    QFETCH(int, width);
    QFETCH(int, height);
    auto encoder = elu::makeWebpEncoder(width, height);
    const QImage frame(1, 1, QImage::Format_ARGB32);
    QVERIFY(!encoder->addFrame({width, height, 4 * qsizetype(width), frame.constBits()}, 30));
    QVERIFY2(encoder->error().contains(QStringLiteral("%1 × %2").arg(width).arg(height)),
             qPrintable(encoder->error()));
    QVERIFY(encoder->finish().isEmpty());
}

QTEST_MAIN(TestWebpEncoder)
#include "tst_webpencoder.moc"
