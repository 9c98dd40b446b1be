// SPDX-License-Identifier: MIT
#include "gifencoder.h"

#include "gifpalette.h"

#include <QHash>

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace elu {

namespace {

// giflib is C: nothing may unwind through it. Out of memory is a short write, which it reports.
int appendToByteArray(GifFileType *gif, const GifByteType *data, int length)
{
    try {
        static_cast<QByteArray *>(gif->UserData)->append(reinterpret_cast<const char *>(data),
                                                         length);
    } catch (...) {
        return 0;
    }
    return length;
}

const quint32 *row(const FramePixels &frame, int y)
{
    return reinterpret_cast<const quint32 *>(frame.bits + y * frame.bytesPerLine);
}

QString transparencyProblem(const FramePixels &frame)
{
    for (int y = 0; y < frame.height; ++y) {
        const quint32 *pixels = row(frame, y);
        for (int x = 0; x < frame.width; ++x) {
            if (pixels[x] < 0xFF000000u)
                return QStringLiteral("GIF has no partial transparency: the pixel at (%1, %2) "
                                      "has alpha %3, and every pixel must be opaque (255)")
                    .arg(x)
                    .arg(y)
                    .arg(pixels[x] >> 24);
        }
    }
    return {};
}

/// GIF delays are whole centiseconds: round the running time, so that errors never add up.
int centiseconds(qint64 ms)
{
    return int((ms + 5) / 10);
}

class GifEncoder final : public AnimationEncoder
{
public:
    GifEncoder(int width, int height, const std::vector<quint32> &themeColours);
    ~GifEncoder() override;

    bool addFrame(const FramePixels &frame, int durationMs) override;
    QByteArray finish() override;

private:
    bool fail(const QString &what, int gifError);
    bool start(const FramePixels &frame);
    uchar indexOf(quint32 argb);
    bool writeFrame(int left, int top, int width, int height, int delay);

    int m_width;
    int m_height;
    GifPalette m_palette;
    QByteArray m_out;
    GifFileType *m_gif = nullptr;
    bool m_broken = false; // a write failed or the file is finished: nothing more to add
    bool m_finished = false;
    int m_frames = 0;
    qint64 m_elapsedMs = 0;
    std::vector<quint32> m_previous; // the last frame's pixels
    std::vector<uchar> m_shown;      // the index each pixel shows now
    std::vector<uchar> m_changes;    // this frame: new indices, transparentIndex elsewhere
    QHash<quint32, uchar> m_indices; // colour → entry: a frame has a few thousand colours
    quint32 m_lastColour = 0;        // 0 (alpha 0) is never an input colour
    uchar m_lastIndex = 0;
};

GifEncoder::GifEncoder(int width, int height, const std::vector<quint32> &themeColours)
    : m_width(width)
    , m_height(height)
    , m_palette(themeColours)
{
    if (width < 1 || height < 1 || width > 65535 || height > 65535) {
        m_error = QStringLiteral("A GIF is 1 to 65535 pixels wide and high, not %1 × %2")
                      .arg(width)
                      .arg(height);
        m_broken = true;
        return;
    }
    const size_t pixels = size_t(width) * size_t(height);
    m_previous.assign(pixels, 0);
    m_shown.assign(pixels, GifPalette::transparentIndex);
    m_changes.assign(pixels, GifPalette::transparentIndex);
}

GifEncoder::~GifEncoder()
{
    if (m_gif)
        EGifCloseFile(m_gif, nullptr);
}

bool GifEncoder::fail(const QString &what, int gifError)
{
    m_error = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(GifErrorString(gifError)));
    m_broken = true;
    return false;
}

uchar GifEncoder::indexOf(quint32 argb)
{
    if (argb == m_lastColour)
        return m_lastIndex;
    auto it = m_indices.constFind(argb);
    const uchar index =
        it != m_indices.cend() ? *it : *m_indices.insert(argb, m_palette.nearest(argb));
    m_lastColour = argb;
    m_lastIndex = index;
    return index;
}

/// The colour table needs the first frame (its frequent colours), so the header waits for it.
bool GifEncoder::start(const FramePixels &frame)
{
    QHash<quint32, qint64> histogram;
    for (int y = 0; y < m_height; ++y) {
        const quint32 *pixels = row(frame, y);
        for (int x = 0; x < m_width;) {
            int run = 1;
            while (x + run < m_width && pixels[x + run] == pixels[x])
                ++run;
            histogram[pixels[x]] += run;
            x += run;
        }
    }
    m_palette.addFrequentColours(histogram);

    int error = 0;
    m_gif = EGifOpen(&m_out, appendToByteArray, &error);
    if (!m_gif)
        return fail(QStringLiteral("Cannot start the GIF"), error);
    EGifSetGifVersion(m_gif, true);

    GifColorType colours[GifPalette::tableSize] = {};
    for (int i = 0; i < m_palette.colourCount(); ++i) {
        const quint32 c = m_palette.colour(i);
        colours[i] = {GifByteType(c >> 16), GifByteType(c >> 8), GifByteType(c)};
    }
    ColorMapObject map{GifPalette::tableSize, 8, false, colours};
    if (EGifPutScreenDesc(m_gif, m_width, m_height, 8, 0, &map) == GIF_ERROR)
        return fail(QStringLiteral("Cannot write the GIF header"), m_gif->Error);

    // NETSCAPE2.0 application extension: sub-block 1, loop count 0 = forever.
    static const GifByteType loopForever[3] = {1, 0, 0};
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR
        || EGifPutExtensionBlock(m_gif, 11, "NETSCAPE2.0") == GIF_ERROR
        || EGifPutExtensionBlock(m_gif, 3, loopForever) == GIF_ERROR
        || EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
        return fail(QStringLiteral("Cannot write the GIF loop count"), m_gif->Error);
    return true;
}

bool GifEncoder::addFrame(const FramePixels &frame, int durationMs)
{
    if (m_finished)
        m_error = QStringLiteral("The animation is already finished");
    if (m_broken)
        return false;
    QString problem = frameProblem(frame, m_width, m_height, durationMs);
    if (problem.isEmpty())
        problem = transparencyProblem(frame);
    const qint64 endMs = m_elapsedMs + durationMs;
    const int delay = centiseconds(endMs) - centiseconds(m_elapsedMs);
    if (problem.isEmpty() && delay > 65535)
        problem = QStringLiteral("A GIF frame lasts at most 655.35 s, not %1 ms").arg(durationMs);
    if (!problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    if (m_frames == 0 && !start(frame))
        return false;

    // Only pixels whose entry changes are drawn; the rest are transparent, which LZW packs
    // into long runs, inside the smallest rectangle holding every change.
    int left = m_width, right = -1, top = m_height, bottom = -1;
    for (int y = 0; y < m_height; ++y) {
        const quint32 *pixels = row(frame, y);
        const size_t base = size_t(y) * size_t(m_width);
        for (int x = 0; x < m_width; ++x) {
            const size_t i = base + size_t(x);
            if (pixels[x] == m_previous[i])
                continue;
            m_previous[i] = pixels[x];
            const uchar index = indexOf(pixels[x]);
            if (index == m_shown[i])
                continue;
            m_shown[i] = index;
            m_changes[i] = index;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    }
    if (right < 0) // nothing changed: one transparent pixel carries the delay
        left = right = top = bottom = 0;

    if (!writeFrame(left, top, right - left + 1, bottom - top + 1, delay))
        return false;
    for (int y = top; y <= bottom; ++y)
        std::memset(&m_changes[size_t(y) * size_t(m_width) + size_t(left)],
                    GifPalette::transparentIndex, size_t(right - left + 1));
    m_elapsedMs = endMs;
    ++m_frames;
    m_error.clear();
    return true;
}

bool GifEncoder::writeFrame(int left, int top, int width, int height, int delay)
{
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.UserInputFlag = false;
    control.DelayTime = delay;
    control.TransparentColor = m_frames == 0 ? NO_TRANSPARENT_COLOR : GifPalette::transparentIndex;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) == GIF_ERROR
        || EGifPutImageDesc(m_gif, left, top, width, height, false, nullptr) == GIF_ERROR)
        return fail(QStringLiteral("Cannot write GIF frame %1").arg(m_frames + 1), m_gif->Error);
    for (int y = top; y < top + height; ++y) {
        if (EGifPutLine(m_gif, &m_changes[size_t(y) * size_t(m_width) + size_t(left)], width)
            == GIF_ERROR)
            return fail(QStringLiteral("Cannot write GIF frame %1").arg(m_frames + 1),
                        m_gif->Error);
    }
    return true;
}

QByteArray GifEncoder::finish()
{
    if (m_finished)
        m_error = QStringLiteral("The animation is already finished");
    if (m_broken)
        return {};
    if (m_frames == 0) {
        m_error = QStringLiteral("An animation needs at least one frame");
        return {};
    }
    m_broken = m_finished = true;
    int error = 0;
    const int result = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    if (result == GIF_ERROR) {
        m_error = QStringLiteral("Cannot finish the GIF: %1")
                      .arg(QString::fromUtf8(GifErrorString(error)));
        return {};
    }
    return std::exchange(m_out, {});
}

} // namespace

std::unique_ptr<AnimationEncoder> makeGifEncoder(int width, int height,
                                                 const std::vector<quint32> &themeColours)
{
    return std::make_unique<GifEncoder>(width, height, themeColours);
}

} // namespace elu
