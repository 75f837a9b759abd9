# Embeds every GLSL file in shaders/ into the binary as a string, so the app needs no shader
# files at run time. Variants come from #defines injected when a program is built.
function(myomap_embed_shaders target)
  file(GLOB shader_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/shaders/*.glsl)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_shaders.cpp)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFILES="${shader_files}" -P ${PROJECT_SOURCE_DIR}/shaders/embed_one.cmake
    DEPENDS ${shader_files} ${PROJECT_SOURCE_DIR}/shaders/embed_one.cmake
    COMMENT "Embedding shaders")
  target_sources(${target} PRIVATE ${out})
endfunction()
