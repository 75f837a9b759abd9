#include "bodygen/bone_shapes.h"

#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kJointGap = 0.0015f;  // space left between neighbouring finger and toe bones

std::vector<glm::vec3> positionsOf(const BonePieceSpec& spec) {
    std::vector<glm::vec3> out;
    for (const auto& p : spec.points) out.push_back(p.position);
    return out;
}

std::vector<glm::vec2> radiiOf(const BonePieceSpec& spec) {
    std::vector<glm::vec2> out;
    for (const auto& g : spec.sizes) out.emplace_back(g[0], g.size() > 1 ? g[1] : g[0]);
    return out;
}

SectionAim aimOr(const SectionAim& aim, const glm::vec3& fallback) {
    if (aim.towardPoint || glm::length(aim.direction) > 0.0f) return aim;
    SectionAim out;
    out.direction = fallback;
    return out;
}

Piece ellipsoidPiece(const BonePieceSpec& spec) {
    const glm::vec3 centre = spec.points[0].position;
    glm::vec3 main(0.0f, 1.0f, 0.0f);
    if (spec.points.size() > 1 && glm::length(spec.points[1].position - centre) > 0.0f) {
        main = glm::normalize(spec.points[1].position - centre);
    }
    const auto& g = spec.sizes[0];
    const glm::vec3 r = g.size() == 3 ? glm::vec3(g[0], g[1], g[2]) : glm::vec3(g[0]);
    const glm::vec3 across = aimedAxis(aimOr(spec.aim, {1, 0, 0}), centre, main);
    return ellipsoid(centre, across * r.x, main * r.y, glm::cross(across, main) * r.z);
}

Piece platePiece(const BonePieceSpec& spec) {
    const auto points = positionsOf(spec);
    glm::vec3 middle(0.0f);
    for (const auto& p : points) middle += p;
    middle /= static_cast<float>(points.size());
    const glm::vec3 outward = spec.aim.towardPoint ? spec.aim.point - middle : spec.aim.direction;
    const auto& g = spec.sizes[0];
    return plate(points, g[0], g.size() > 1 ? g[1] : 0.0f, outward);
}

// A vertebra: a body with flat ends, the arch round the spinal canal, a spinous process out to
// its tip and two transverse processes; sizes are the body's half width, half depth and half
// height, the canal radius, the processes' radius, and how far the transverse processes
// reach out to the side and back.
std::vector<Piece> vertebraPieces(const BonePieceSpec& spec) {
    const glm::vec3 body = spec.points[0].position, tip = spec.points[1].position;
    const glm::vec3 up = glm::length(spec.points[0].tangent) > 0.0f ? spec.points[0].tangent : glm::vec3(0, 1, 0);
    const auto& g = spec.sizes[0];
    const float w = g[0], d = g[1], h = g[2], canal = g[3], p = g[4], span = g[5], reach = g[6];
    const glm::vec3 toTip = tip - body;
    const glm::vec3 back = glm::normalize(toTip - glm::dot(toTip, up) * up);
    const glm::vec3 lateral = glm::normalize(glm::cross(back, up));
    SectionAim sideways;
    sideways.direction = lateral;
    SectionAim upward;
    upward.direction = up;

    std::vector<Piece> out;
    out.push_back(tube({body - up * h, body + up * h}, {{w, d}}, sideways, 0.3f));
    const glm::vec3 canalCentre = body + back * (d + canal * 0.8f);
    const float halfWide = canal + p * 0.5f, halfDeep = canal * 0.9f + p * 0.5f;
    std::vector<glm::vec3> arch;
    for (int k = 0; k < 8; ++k) {
        const float a = 2.0f * kPi * static_cast<float>(k) / 8.0f;
        arch.push_back(canalCentre + std::cos(a) * halfWide * lateral + std::sin(a) * halfDeep * back);
    }
    out.push_back(loop(arch, {{h * 0.7f, p}}, upward));
    out.push_back(tube({canalCentre + back * halfDeep, tip}, {{p * 0.7f, h * 0.6f}, {p * 0.6f, p * 0.9f}}, sideways));
    for (const float sign : {1.0f, -1.0f}) {
        const glm::vec3 root = canalCentre + sign * lateral * halfWide;
        const glm::vec3 end = canalCentre + sign * lateral * span + back * reach;
        out.push_back(tube({root, end}, {{p * 0.9f, p * 0.7f}}, upward));
    }
    return out;
}

// Phalanges from a knuckle to a finger or toe tip: proximal ones longest, the distal one
// tapering to its tuft.
void phalanges(std::vector<Piece>& out, const glm::vec3& knuckle, const glm::vec3& tip, float r, int count,
               const SectionAim& aim) {
    static const std::vector<std::vector<float>> shares = {{1.0f}, {0.56f, 0.44f}, {0.47f, 0.30f, 0.23f}};
    const glm::vec3 direction = glm::normalize(tip - knuckle);
    const float length = glm::length(tip - knuckle);
    float start = 0.0f;
    for (int k = 0; k < count; ++k) {
        const float share = count <= 3 ? shares[static_cast<std::size_t>(count - 1)][static_cast<std::size_t>(k)]
                                       : 1.0f / static_cast<float>(count);
        const float rk = r * (1.0f - 0.12f * static_cast<float>(k));
        const glm::vec3 a = knuckle + direction * (start + kJointGap);
        const glm::vec3 b = knuckle + direction * (start + share * length);
        const bool last = k == count - 1;
        out.push_back(tube({a, 0.5f * (a + b), b},
                           {{1.1f * rk, 0.9f * rk},
                            {0.72f * rk, 0.62f * rk},
                            last ? glm::vec2(0.55f * rk, 0.45f * rk) : glm::vec2(0.9f * rk, 0.75f * rk)},
                           aim));
        start += share * length;
    }
}

std::vector<Piece> rayPieces(const BonePieceSpec& spec) {
    const glm::vec3 base = spec.points[0].position, head = spec.points[1].position;
    const float r = spec.sizes[0][0];
    std::vector<Piece> out;
    out.push_back(tube({base, 0.5f * (base + head), head},
                       {{1.25f * r, 1.1f * r}, {0.75f * r, 0.65f * r}, {1.1f * r, 1.0f * r}}, spec.aim));
    if (spec.count > 0) {
        const glm::vec3 tip = spec.points[2].position;
        phalanges(out, head + glm::normalize(tip - head) * kJointGap, tip, spec.sizes[0][1], spec.count, spec.aim);
    }
    return out;
}

std::vector<Piece> beadPieces(const BonePieceSpec& spec) {
    const auto& g = spec.sizes[0];
    std::vector<Piece> out;
    for (const auto& [centre, along] : stationsAlong(positionsOf(spec), spec.count)) {
        const glm::vec3 across = aimedAxis(aimOr(spec.aim, {0, 1, 0}), centre, along);
        out.push_back(ellipsoid(centre, across * g[1], glm::cross(along, across) * g[2], along * g[0]));
    }
    return out;
}

}  // namespace

std::vector<Piece> buildBonePieces(const BonePieceSpec& spec) {
    switch (spec.shape) {
        case BoneShape::Tube: return {tube(positionsOf(spec), radiiOf(spec), spec.aim)};
        case BoneShape::Ring: return {loop(positionsOf(spec), radiiOf(spec), spec.aim)};
        case BoneShape::Ellipsoid: return {ellipsoidPiece(spec)};
        case BoneShape::Plate: return {platePiece(spec)};
        case BoneShape::Vertebra: return vertebraPieces(spec);
        case BoneShape::Ray: return rayPieces(spec);
        case BoneShape::Phalanges: {
            std::vector<Piece> out;
            phalanges(out, spec.points[0].position, spec.points[1].position, spec.sizes[0][0], spec.count, spec.aim);
            return out;
        }
        case BoneShape::Beads: return beadPieces(spec);
    }
    return {};
}

}  // namespace myomap::bodygen
