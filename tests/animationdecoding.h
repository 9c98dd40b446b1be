// SPDX-License-Identifier: MIT
// Animated files read back with decoders independent of the app's encoders: libwebpdemux's
// WebPAnimDecoder and Qt's GIF reader, each composing every frame onto the canvas.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QImageReader>
#include <QList>
#include <QSize>
#include <QString>

#include <webp/demux.h>

#include <map>
#include <memory>
#include <vector>

namespace testsupport {

struct DecodedAnimation
{
    bool ok = false;
    QString error;
    QSize size;
    int frameCount = 0;
    int loopCount = 0;
    std::vector<int> timesMs;     ///< WebP: when each frame ends; GIF: each frame's delay
    std::map<int, QImage> frames; ///< by index, QImage::Format_ARGB32

    const QImage &frame(int k) const
    {
        static const QImage none;
        const auto it = frames.find(k);
        return it == frames.end() ? none : it->second;
    }
};

/// Whether frame k of `count` is to be kept: all when `keep` is empty; a negative index counts
/// from the end (-1 is the last). Holding all 60 frames of 800 × 600 would take 115 MB.
inline bool keptFrame(const QList<int> &keep, int k, int count)
{
    return keep.isEmpty() || keep.contains(k) || keep.contains(k - count);
}

inline DecodedAnimation decodeWebp(const QByteArray &bytes, const QList<int> &keep = {})
{
    DecodedAnimation animation;
    const WebPData data{reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())};
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options)) {
        animation.error = QStringLiteral("WebPAnimDecoderOptionsInit failed");
        return animation;
    }
    options.color_mode = MODE_RGBA; // bytes R, G, B, A, not premultiplied
    options.use_threads = 0;
    const std::unique_ptr<WebPAnimDecoder, decltype(&WebPAnimDecoderDelete)> decoder(
        WebPAnimDecoderNew(&data, &options), WebPAnimDecoderDelete);
    WebPAnimInfo info;
    if (!decoder || !WebPAnimDecoderGetInfo(decoder.get(), &info)) {
        animation.error = QStringLiteral("%1 bytes that are not an animated WebP").arg(bytes.size());
        return animation;
    }
    animation.size = QSize(int(info.canvas_width), int(info.canvas_height));
    animation.frameCount = int(info.frame_count);
    animation.loopCount = int(info.loop_count);
    for (int k = 0; WebPAnimDecoderHasMoreFrames(decoder.get()); ++k) {
        uint8_t *rgba = nullptr;
        int timestamp = 0;
        if (!WebPAnimDecoderGetNext(decoder.get(), &rgba, &timestamp)) {
            animation.error = QStringLiteral("frame %1 does not decode").arg(k);
            return animation;
        }
        animation.timesMs.push_back(timestamp);
        if (!keptFrame(keep, k, animation.frameCount))
            continue;
        QImage frame(animation.size, QImage::Format_ARGB32);
        for (int y = 0; y < frame.height(); ++y) {
            auto *row = reinterpret_cast<quint32 *>(frame.scanLine(y));
            const uint8_t *p = rgba + 4 * size_t(y) * size_t(frame.width());
            for (int x = 0; x < frame.width(); ++x, p += 4)
                row[x] = quint32(p[3]) << 24 | quint32(p[0]) << 16 | quint32(p[1]) << 8 | p[2];
        }
        animation.frames[k] = frame;
    }
    animation.ok = true;
    return animation;
}

inline DecodedAnimation decodeGif(const QString &path, const QList<int> &keep = {})
{
    DecodedAnimation animation;
    QImageReader reader(path, "gif");
    if (!reader.canRead()) {
        animation.error = QStringLiteral("%1: %2").arg(path, reader.errorString());
        return animation;
    }
    animation.size = reader.size();
    animation.frameCount = reader.imageCount();
    animation.loopCount = reader.loopCount();
    QImage image;
    for (int k = 0; reader.read(&image); ++k) {
        animation.timesMs.push_back(reader.nextImageDelay());
        if (keptFrame(keep, k, animation.frameCount))
            animation.frames[k] = image.convertToFormat(QImage::Format_ARGB32);
    }
    if (int(animation.timesMs.size()) != animation.frameCount) {
        animation.error = QStringLiteral("%1 of %2 frames read: %3")
                              .arg(animation.timesMs.size())
                              .arg(animation.frameCount)
                              .arg(reader.errorString());
        return animation;
    }
    animation.ok = true;
    return animation;
}

} // namespace testsupport
