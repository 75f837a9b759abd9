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

uniform vec4 uBaseColor;        // linear
uniform bool uHasTexture;
uniform sampler2D uBaseColorTexture;  // sRGB texture: sampled as linear
uniform vec3 uCameraPosition;
uniform vec3 uKeyDirection;     // towards the light, world space
uniform float uOpacity;
uniform bool uStriated;         // muscle fibres: fine stripes along them and a sheen across

out vec4 fragColor;

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
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

    vec3 color = albedo.rgb * (0.42 * hemisphere + 0.78 * key) + vec3(specular) + rim * sky;
    fragColor = vec4(linearToSrgb(color), albedo.a * uOpacity);
}
