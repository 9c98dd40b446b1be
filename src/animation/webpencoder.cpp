// SPDX-License-Identifier: MIT
#include "webpencoder.h"

#include <webp/encode.h>
#include <webp/mux.h>

#include <cstring>
#include <limits>

namespace elu {

namespace {

// Lossless effort, timed on 60 frames of an 800 × 600 plot (4 curves, 2 cores): method 0 is
// the fastest (0.17 s) but its file is 4 times larger (3.2 MB); method 1 at quality 0 takes
// 0.29 s for 0.83 MB; libwebp's default effort (method 4, quality 75) 0.77 s for 0.62 MB.
constexpr int losslessMethod = 1;
constexpr float losslessQuality = 0.0F;

class WebpEncoder final : public AnimationEncoder
{
public:
    WebpEncoder(int width, int height);
    ~WebpEncoder() override;

    bool addFrame(const FramePixels &frame, int durationMs) override;
    QByteArray finish() override;

private:
    bool fail(const QString &what);

    int m_width;
    int m_height;
    WebPAnimEncoder *m_encoder = nullptr;
    WebPConfig m_config;
    bool m_finished = false;
    int m_frames = 0;
    int m_elapsedMs = 0; // WebP timestamps are ints in ms
};

WebpEncoder::WebpEncoder(int width, int height)
    : m_width(width)
    , m_height(height)
{
    if (!WebPConfigInit(&m_config)) {
        m_error = QStringLiteral("This libwebp cannot encode WebP (its version does not match)");
        return;
    }
    m_config.lossless = 1;
    m_config.exact = 1; // keep the colour under transparent pixels
    m_config.method = losslessMethod;
    m_config.quality = losslessQuality;
    if (width < 1 || height < 1 || width > WEBP_MAX_DIMENSION || height > WEBP_MAX_DIMENSION) {
        m_error = QStringLiteral("A WebP is 1 to %1 pixels wide and high, not %2 × %3")
                      .arg(WEBP_MAX_DIMENSION)
                      .arg(width)
                      .arg(height);
        return;
    }
    WebPAnimEncoderOptions options;
    if (!WebPAnimEncoderOptionsInit(&options) || !WebPValidateConfig(&m_config)) {
        m_error = QStringLiteral("This libwebp cannot encode animations");
        return;
    }
    options.anim_params.loop_count = 0; // forever
    // Speed: a key frame candidate is a second encode of the frame, and minimised output
    // tries more; mixed output may pick lossy frames. Plots change a little from frame to
    // frame, so sub-frames of the changed rectangle win (all key frames: twice the time and
    // 1.6 times the size).
    options.kmin = 0;
    options.kmax = 0;
    options.allow_mixed = 0;
    options.minimize_size = 0;
    m_encoder = WebPAnimEncoderNew(width, height, &options);
    if (!m_encoder)
        m_error = QStringLiteral("Out of memory for a %1 × %2 WebP").arg(width).arg(height);
}

WebpEncoder::~WebpEncoder()
{
    WebPAnimEncoderDelete(m_encoder);
}

bool WebpEncoder::fail(const QString &what)
{
    const char *reason = m_encoder ? WebPAnimEncoderGetError(m_encoder) : nullptr;
    m_error =
        reason && *reason ? QStringLiteral("%1: %2").arg(what, QString::fromUtf8(reason)) : what;
    WebPAnimEncoderDelete(m_encoder);
    m_encoder = nullptr;
    return false;
}

bool WebpEncoder::addFrame(const FramePixels &frame, int durationMs)
{
    if (m_finished)
        m_error = QStringLiteral("The animation is already finished");
    if (!m_encoder)
        return false;
    QString problem = frameProblem(frame, m_width, m_height, durationMs);
    if (problem.isEmpty() && durationMs > std::numeric_limits<int>::max() - m_elapsedMs)
        problem = QStringLiteral("A WebP animation lasts at most %1 ms")
                      .arg(std::numeric_limits<int>::max());
    if (!problem.isEmpty()) {
        m_error = problem;
        return false;
    }

    WebPPicture picture;
    if (!WebPPictureInit(&picture))
        return fail(QStringLiteral("This libwebp cannot encode pictures"));
    picture.use_argb = 1;
    picture.width = m_width;
    picture.height = m_height;
    if (!WebPPictureAlloc(&picture))
        return fail(QStringLiteral("Out of memory for WebP frame %1").arg(m_frames + 1));
    // 0xAARRGGBB words are libwebp's own ARGB layout: the rows are copied as they are.
    for (int y = 0; y < m_height; ++y)
        std::memcpy(picture.argb + qsizetype(y) * picture.argb_stride,
                    frame.bits + y * frame.bytesPerLine, size_t(m_width) * 4);
    const bool added = WebPAnimEncoderAdd(m_encoder, &picture, m_elapsedMs, &m_config);
    WebPPictureFree(&picture);
    if (!added)
        return fail(QStringLiteral("Cannot encode WebP frame %1").arg(m_frames + 1));
    m_elapsedMs += durationMs;
    ++m_frames;
    m_error.clear();
    return true;
}

QByteArray WebpEncoder::finish()
{
    if (m_finished)
        m_error = QStringLiteral("The animation is already finished");
    if (!m_encoder)
        return {};
    if (m_frames == 0) {
        m_error = QStringLiteral("An animation needs at least one frame");
        return {};
    }
    m_finished = true;
    // The last frame's duration is the time from its timestamp to this one.
    WebPData data;
    WebPDataInit(&data);
    if (!WebPAnimEncoderAdd(m_encoder, nullptr, m_elapsedMs, nullptr)
        || !WebPAnimEncoderAssemble(m_encoder, &data)) {
        fail(QStringLiteral("Cannot finish the WebP"));
        return {};
    }
    QByteArray file(reinterpret_cast<const char *>(data.bytes), qsizetype(data.size));
    WebPDataClear(&data);
    WebPAnimEncoderDelete(m_encoder);
    m_encoder = nullptr;
    return file;
}

} // namespace

std::unique_ptr<AnimationEncoder> makeWebpEncoder(int width, int height)
{
    return std::make_unique<WebpEncoder>(width, height);
}

} // namespace elu
