#version 330 core
// Vertical gradient between two sRGB colours.
in float vHeight;
uniform vec4 uTop;
uniform vec4 uBottom;
out vec4 fragColor;
void main() { fragColor = mix(uBottom, uTop, clamp(vHeight, 0.0, 1.0)); }
