#include "explore/surface_picker.h"

#include "explore/scene_view.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace myomap::app {

namespace {

struct Ray {
    glm::vec3 origin;
    glm::vec3 direction;  // not normalised: t = 1 at the far plane
};

bool crosses(const Ray& ray, const model::Bounds& b) {
    float t0 = 0.0f, t1 = 1.0f;
    for (int a = 0; a < 3; ++a) {
        const float d = ray.direction[a];
        if (std::abs(d) < 1e-12f) {
            if (ray.origin[a] < b.min[a] || ray.origin[a] > b.max[a]) return false;
            continue;
        }
        float near = (b.min[a] - ray.origin[a]) / d, far = (b.max[a] - ray.origin[a]) / d;
        if (near > far) std::swap(near, far);
        t0 = std::max(t0, near);
        t1 = std::min(t1, far);
        if (t0 > t1) return false;
    }
    return true;
}

// Möller-Trumbore, both faces: the distance along the ray, or infinity.
float hit(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(ray.direction, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-20f) return std::numeric_limits<float>::infinity();
    const float inv = 1.0f / det;
    const glm::vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return std::numeric_limits<float>::infinity();
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(ray.direction, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return std::numeric_limits<float>::infinity();
    const float t = glm::dot(e2, q) * inv;
    return t >= 0.0f && t <= 1.0f ? t : std::numeric_limits<float>::infinity();
}

}  // namespace

const SurfacePicker::Posed& SurfacePicker::posed(const SceneView& view, const render::FrameData& frame,
                                                 const render::DrawItem& item) {
    const auto id = static_cast<std::size_t>(item.mesh);
    if (m_posed.size() <= id) m_posed.resize(id + 1);
    Posed& out = m_posed[id];
    const model::Primitive* primitive = view.primitiveOf(item.mesh);
    const bool skinned = primitive && item.palette >= 0 && static_cast<std::size_t>(item.palette) < frame.palettes.size() &&
                         primitive->joints.size() == primitive->positions.size() &&
                         primitive->weights.size() == primitive->positions.size();
    const std::vector<glm::mat4>* palette = skinned ? &frame.palettes[static_cast<std::size_t>(item.palette)] : nullptr;
    if (out.valid && (palette ? out.palette == *palette : out.model == item.model)) return out;
    out = {};
    out.valid = true;
    if (!primitive) return out;
    out.positions.resize(primitive->positions.size());
    if (palette) {
        out.palette = *palette;
        for (std::size_t i = 0; i < out.positions.size(); ++i) {
            glm::mat4 m(0.0f);
            for (int k = 0; k < 4; ++k) {
                const float w = primitive->weights[i][k];
                const std::size_t j = primitive->joints[i][k];
                if (w != 0.0f && j < palette->size()) m += w * (*palette)[j];
            }
            out.positions[i] = glm::vec3(m * glm::vec4(primitive->positions[i], 1.0f));
        }
    } else {
        out.model = item.model;
        for (std::size_t i = 0; i < out.positions.size(); ++i) out.positions[i] = glm::vec3(item.model * glm::vec4(primitive->positions[i], 1.0f));
    }
    const auto& indices = primitive->indices;
    const std::size_t triangles = indices.size() / 3;
    out.chunks.resize((triangles + kChunk - 1) / kChunk);
    for (std::size_t t = 0; t < triangles; ++t) {
        for (int k = 0; k < 3; ++k) {
            const glm::vec3& p = out.positions[indices[3 * t + static_cast<std::size_t>(k)]];
            if (!(std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z))) continue;
            out.chunks[t / kChunk].add(p);
            out.bounds.add(p);
        }
    }
    return out;
}

std::uint32_t SurfacePicker::pick(const SceneView& view, const render::FrameData& frame, int x, int y,
                                  std::uint32_t seeThrough) {
    if (x < 0 || y < 0 || x >= frame.width || y >= frame.height) return 0;
    const glm::mat4 viewProjection = frame.projection * frame.view;
    // Markers: screen-sized discs over everything (marker.vert.glsl: gl_PointSize = 2 radius).
    const glm::vec2 pixel(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
    std::uint32_t marker = 0;
    for (const render::Marker& m : frame.markers) {
        if (m.pickId == 0) continue;
        const glm::vec4 clip = viewProjection * glm::vec4(m.position, 1.0f);
        if (clip.w <= 0.0f) continue;
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        const glm::vec2 at((ndc.x * 0.5f + 0.5f) * static_cast<float>(frame.width), (0.5f - ndc.y * 0.5f) * static_cast<float>(frame.height));
        if (glm::length(at - pixel) <= m.radiusPixels) marker = m.pickId;
    }
    if (marker != 0) return marker;

    const glm::mat4 inverse = glm::inverse(viewProjection);
    const float nx = 2.0f * pixel.x / static_cast<float>(frame.width) - 1.0f;
    const float ny = 1.0f - 2.0f * pixel.y / static_cast<float>(frame.height);
    const glm::vec4 near = inverse * glm::vec4(nx, ny, -1.0f, 1.0f);
    const glm::vec4 far = inverse * glm::vec4(nx, ny, 1.0f, 1.0f);
    const Ray ray{glm::vec3(near) / near.w, glm::vec3(far) / far.w - glm::vec3(near) / near.w};

    float nearest = std::numeric_limits<float>::infinity();
    std::uint32_t found = 0;
    for (const render::DrawItem& item : frame.items) {
        if (item.mesh < 0 || item.pickId == 0 || item.pickId == seeThrough) continue;
        // What is not drawn is found only by a click that looks through a surface.
        if (item.pickOnly) {
            if (seeThrough == 0) continue;
        } else if (item.opacity <= 0.0f && item.heat != render::HeatShow::Only) {
            continue;
        }
        const model::Primitive* primitive = view.primitiveOf(item.mesh);
        if (!primitive) continue;
        const Posed& p = posed(view, frame, item);
        if (p.bounds.empty() || !crosses(ray, p.bounds)) continue;
        const auto& indices = primitive->indices;
        const std::size_t triangles = indices.size() / 3;
        for (std::size_t c = 0; c < p.chunks.size(); ++c) {
            if (p.chunks[c].empty() || !crosses(ray, p.chunks[c])) continue;
            for (std::size_t t = c * kChunk; t < std::min(triangles, (c + 1) * kChunk); ++t) {
                const float d = hit(ray, p.positions[indices[3 * t]], p.positions[indices[3 * t + 1]], p.positions[indices[3 * t + 2]]);
                if (d < nearest) {
                    nearest = d;
                    found = item.pickId;
                }
            }
        }
    }
    return found;
}

}  // namespace myomap::app
