#version 330 core
// Illustration-style lighting that reads form from any angle: a sky/ground hemisphere, a key
// light that follows the camera (from above and to its right), a little specular and a soft
// rim. Lighting is done in linear space and encoded to sRGB at the end.
in vec3 vWorldPosition;
in vec3 vNormal;
in vec2 vUv;
in vec4 vColor;
in vec2 vMuscleUv;
in vec3 vFibre;
in vec2 vHeat;

uniform vec4 uBaseColor;        // linear
#ifdef SPECIALISED
// A specialised variant (mesh.vert.glsl): no texture, no x-ray, striation and heat as built.
const bool uHasTexture = false;
const bool uXray = false;
#ifdef SPECIALISED_STRIATED
const bool uStriated = true;
#else
const bool uStriated = false;
#endif
#ifdef SPECIALISED_HEAT
const int uHeatMode = 1;
#else
const int uHeatMode = 0;
#endif
#else
uniform bool uHasTexture;
uniform bool uStriated;         // muscle fibres: fine stripes along them and a sheen across
uniform int uHeatMode;          // 0: no heat, 1: heat over the surface (HEAT_ONLY: only the heat)
uniform bool uXray;             // the covered part of a selected surface: flat and faint
#endif
uniform sampler2D uBaseColorTexture;  // sRGB texture: sampled as linear
uniform vec3 uCameraPosition;
uniform vec3 uKeyDirection;     // towards the light, world space
uniform float uOpacity;
// Drawn in the opaque pass (no blending): the pixel is this surface, whatever alpha its material
// carries (glTF's OPAQUE mode ignores it), so the picture's alpha is 1 there.
uniform bool uOpaque;
uniform int uHeatPalette;       // 0: warm, 1: colour-blind safe
uniform bool uStipple;          // spillover heat as dots
uniform float uHighlight;       // rim glow 0-1

out vec4 fragColor;

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

vec3 heatColor(float h) {
    // Both ramps run from light to dark so that strength reads in lightness alone.
    if (uHeatPalette == 1) return mix(vec3(0.98, 0.86, 0.30), vec3(0.05, 0.13, 0.45), h);
    return mix(vec3(1.0, 0.78, 0.16), vec3(0.62, 0.02, 0.02), h);
}

// Heat after the spillover stipple: dots on a 7-pixel grid, a faint wash between them.
float visibleHeat() {
    float h = clamp(vHeat.x, 0.0, 1.0);
    if (uStipple && vHeat.y < 0.5) {
        vec2 cell = mod(gl_FragCoord.xy, 7.0) - 3.5;
        h *= mix(0.22, 1.0, 1.0 - smoothstep(1.5, 2.3, length(cell)));
    }
    return h;
}

void main() {
    if (uXray) {
        fragColor = vec4(linearToSrgb(vec3(1.0, 0.72, 0.25)), 0.35 * uOpacity);
        return;
    }
    vec4 albedo = uBaseColor * vColor;
    if (uHasTexture) albedo *= texture(uBaseColorTexture, vUv);

    vec3 n = normalize(vNormal);
    if (!gl_FrontFacing) n = -n;
    vec3 v = normalize(uCameraPosition - vWorldPosition);

    vec3 sky = vec3(0.80, 0.84, 0.90);
    vec3 ground = vec3(0.32, 0.30, 0.28);
    vec3 hemisphere = mix(ground, sky, 0.5 + 0.5 * n.y);

    float key = max(dot(n, uKeyDirection), 0.0);
    vec3 h = normalize(uKeyDirection + v);
    float specular = pow(max(dot(n, h), 0.0), 40.0) * 0.12;
    if (uStriated) {
        // Tendons: a muscle's ends along its fibres (and the long tendons beyond them, which carry
        // u = 0 or 1) are pale and glossy, so bellies read as tapering into their attachments.
        float tendon = 1.0 - smoothstep(0.012, 0.05, min(vMuscleUv.x, 1.0 - vMuscleUv.x));
        albedo.rgb = mix(albedo.rgb, vec3(0.76, 0.74, 0.72), 0.85 * tendon);
        // Stripes run along the fibres (they vary across them, with v), softly broken along u
        // so they read as bundles rather than a printed pattern.
        float across = vMuscleUv.y * 46.0 + 0.35 * sin(vMuscleUv.x * 23.0 + vMuscleUv.y * 7.0);
        float stripe = 0.5 + 0.5 * sin(across * 6.2831853);
        albedo.rgb *= mix(0.84, 1.0, smoothstep(0.15, 0.85, stripe));
        // Anisotropic sheen: fibres reflect across their length, like a bundle of threads.
        vec3 t = vFibre - n * dot(vFibre, n);
        if (dot(t, t) > 1e-6) {
            t = normalize(t);
            float th = dot(t, h);
            specular = pow(sqrt(max(1.0 - th * th, 0.0)), 60.0) * 0.16 * key;
        }
    }
    float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * 0.18;

    float alpha = albedo.a * uOpacity;
    if (uHeatMode != 0) {
        float h = visibleHeat();
#ifdef HEAT_ONLY
        // A separate program: a shader that can discard loses the early depth test on
        // software renderers, so the everyday program must not contain one.
        if (h < 0.02) discard;
        albedo.rgb = heatColor(h);
        alpha = smoothstep(0.02, 0.35, h) * 0.92;
#else
        albedo.rgb = mix(albedo.rgb, heatColor(h), smoothstep(0.0, 0.3, h) * 0.9);
        alpha = max(alpha, smoothstep(0.02, 0.35, h) * 0.92);
#endif
    }
    vec3 color = albedo.rgb * (0.42 * hemisphere + 0.78 * key) + vec3(specular) + rim * sky;
    // Selection: a warm glow that grows towards the silhouette.
    float edge = pow(1.0 - max(dot(n, v), 0.0), 2.0);
    color += uHighlight * (0.10 + 0.75 * edge) * vec3(1.0, 0.70, 0.20);
    fragColor = vec4(linearToSrgb(color), uOpaque ? 1.0 : alpha);
}
