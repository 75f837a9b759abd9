#version 330 core
// A disc with a dark outline (filled) or a ring, antialiased. Built with ID_PASS defined, it
// writes the marker's id instead, for picking.
uniform float uRadius;
#ifdef ID_PASS
uniform uint uId;
out uint fragId;
#else
uniform vec4 uColor;  // linear
uniform bool uFilled;
out vec4 fragColor;

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}
#endif

void main() {
    float r = length(gl_PointCoord - vec2(0.5)) * 2.0 * uRadius;  // pixels from the centre
    if (r > uRadius) discard;
#ifdef ID_PASS
    fragId = uId;
#else
    float outline = smoothstep(uRadius - 3.6, uRadius - 2.6, r);
    float inside = uFilled ? 1.0 : smoothstep(uRadius - 7.0, uRadius - 6.0, r);
    float alpha = (1.0 - smoothstep(uRadius - 1.0, uRadius, r)) * max(inside, outline);
    vec3 color = mix(uColor.rgb, vec3(0.08, 0.05, 0.04), outline);
    fragColor = vec4(linearToSrgb(color), alpha * uColor.a);
#endif
}
