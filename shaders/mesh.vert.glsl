#version 330 core
// Scene geometry with optional GPU linear-blend skinning. Joint matrices come from a float
// texture (4 texels per matrix, one row per joint), so any number of joints fits.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in uvec4 aJoints;
layout(location = 4) in vec4 aWeights;
layout(location = 5) in vec4 aColor;
layout(location = 6) in vec2 aMuscleUv;
layout(location = 7) in vec3 aFibre;
layout(location = 8) in vec2 aHeat;  // referral heat 0-1, and 1 where essential (0: spillover)

uniform mat4 uModel;
uniform mat3 uNormalMatrix;  // unskinned: uModel's inverse-transpose, computed once per draw on the CPU
uniform mat4 uViewProjection;
// A specialised variant (View > Detail, reduced) knows these when it is built: a software
// renderer runs both sides of every branch, so code a draw cannot take still costs there.
#if defined(SPECIALISED_SKINNED)
const bool uSkinned = true;
const bool uJointsInUniforms = true;
const int uMorphTargets = 0;
#elif defined(SPECIALISED)
const bool uSkinned = false;
const bool uJointsInUniforms = false;
const int uMorphTargets = 0;
#else
uniform bool uSkinned;
#endif
uniform int uJointOffset;
uniform sampler2D uJointMatrices;
// Skins of up to 64 joints (the built-in figure has 27) come as a uniform array: on a software
// renderer four texture fetches per matrix cost more than the rest of the vertex shader.
#ifndef SPECIALISED
uniform bool uJointsInUniforms;
#endif
uniform mat4 uJoints[64];
// Morph targets (glTF): displacements in a float texture, two texels a vertex a target
// (position, normal), 1024 texels a row, so any number of targets fits; the weights of this
// draw in row uMorphRow of another, four a texel. Blended before skinning, as glTF orders it.
#ifndef SPECIALISED
uniform int uMorphTargets;  // 0: no morphing
#endif
uniform int uMorphVertices;
uniform int uMorphRow;
uniform sampler2D uMorphDeltas;
uniform sampler2D uMorphWeights;

out vec3 vWorldPosition;
out vec3 vNormal;
out vec2 vUv;
out vec4 vColor;
out vec2 vMuscleUv;
out vec3 vFibre;
out vec2 vHeat;

mat4 jointMatrix(uint joint) {
    if (uJointsInUniforms) return uJoints[min(int(joint), 63)];
    int row = uJointOffset + int(joint);
    return mat4(texelFetch(uJointMatrices, ivec2(0, row), 0), texelFetch(uJointMatrices, ivec2(1, row), 0),
                texelFetch(uJointMatrices, ivec2(2, row), 0), texelFetch(uJointMatrices, ivec2(3, row), 0));
}

vec3 morphDelta(int texel) { return texelFetch(uMorphDeltas, ivec2(texel % 1024, texel / 1024), 0).xyz; }

void main() {
    vec3 position = aPosition;
    vec3 normal = aNormal;
    for (int t = 0; t < uMorphTargets; ++t) {
        float w = texelFetch(uMorphWeights, ivec2(t / 4, uMorphRow), 0)[t % 4];
        if (w == 0.0) continue;
        int texel = 2 * (t * uMorphVertices + gl_VertexID);
        position += w * morphDelta(texel);
        normal += w * morphDelta(texel + 1);
    }
    mat4 model = uModel;
    if (uSkinned) {
        model = aWeights.x * jointMatrix(aJoints.x) + aWeights.y * jointMatrix(aJoints.y) +
                aWeights.z * jointMatrix(aJoints.z) + aWeights.w * jointMatrix(aJoints.w);
    }
    vec4 world = model * vec4(position, 1.0);
    vWorldPosition = world.xyz;
    // Unskinned: the inverse-transpose keeps normals perpendicular under non-uniform scale.
    // Skinned: joint matrices are rotations and translations (uniform scale at most), for which
    // the matrix itself serves; the fragment shader normalises. Inverting per vertex cost a
    // quarter of the vertex work on a software renderer (docs/PERFORMANCE.md).
    vNormal = uSkinned ? mat3(model) * normal : uNormalMatrix * normal;
    vUv = aUv;
    vColor = aColor;
    vMuscleUv = aMuscleUv;
    vFibre = mat3(model) * aFibre;
    vHeat = aHeat;
    gl_Position = uViewProjection * world;
}
