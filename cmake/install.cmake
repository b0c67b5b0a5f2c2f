# SPDX-License-Identifier: GPL-3.0-or-later
# install.cmake -- what `cmake --install` puts under the prefix, and how other
# programs find and link the library there:
#   bin/jixiao, bin/jixiao-synth          the programs
#   lib/libjixiao.a (or .so with BUILD_SHARED_LIBS=ON), include/jixiao.h, include/jixiao/
#   lib/pkgconfig/jixiao.pc               `pkg-config --cflags --libs jixiao`
#   lib/cmake/jixiao/                     `find_package(jixiao)`, target jixiao::jixiao
# Both descriptions locate the prefix from where they are installed (${pcfiledir},
# the config file's own directory), so an installed tree can be moved.
include(CMakePackageConfigHelpers)
set(JX_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/jixiao)

# A shared library is found by the programs relative to them.
if(BUILD_SHARED_LIBS)
  file(RELATIVE_PATH JX_BIN_TO_LIB ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR})
  set_target_properties(jixiao jixiao-synth PROPERTIES INSTALL_RPATH "$ORIGIN/${JX_BIN_TO_LIB}")
endif()

install(TARGETS jixiao jixiao-synth RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS jixiao_lib EXPORT jixiaoTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES include/jixiao.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/jixiao DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# ---- CMake: find_package(jixiao) ----
install(EXPORT jixiaoTargets NAMESPACE jixiao:: DESTINATION ${JX_CMAKE_DIR})
# the dependencies a static libjixiao hands on to the link, as the config file finds them
if(BUILD_SHARED_LIBS)
  set(JX_CONFIG_STATIC 0)
else()
  set(JX_CONFIG_STATIC 1)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/jixiaoConfig.cmake.in
  ${PROJECT_BINARY_DIR}/jixiaoConfig.cmake INSTALL_DESTINATION ${JX_CMAKE_DIR})
# 0.x: a minor version may break the API
write_basic_package_version_file(${PROJECT_BINARY_DIR}/jixiaoConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/jixiaoConfig.cmake ${PROJECT_BINARY_DIR}/jixiaoConfigVersion.cmake
  DESTINATION ${JX_CMAKE_DIR})

# ---- pkg-config ----
# prefix relative to the .pc file; libdir and includedir relative to the prefix
# (or absolute when configured so).
file(RELATIVE_PATH JX_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" JX_PC_TO_PREFIX "${JX_PC_TO_PREFIX}")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(JX_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(JX_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
set(JX_PC_MODULES "sqlite3 gsl libcrypto jansson fontconfig xlsxwriter libzip libxml-2.0 freexl poppler-glib cairo")
# libcsv has no .pc file: its directory when the linker would not look there anyway
get_filename_component(JX_CSV_DIR ${CSV_LIBRARY} DIRECTORY)
set(JX_PC_OTHER "-lcsv -lm -pthread")
if(NOT JX_CSV_DIR IN_LIST CMAKE_C_IMPLICIT_LINK_DIRECTORIES)
  set(JX_PC_OTHER "-L${JX_CSV_DIR} ${JX_PC_OTHER}")
endif()
if(BUILD_SHARED_LIBS)
  set(JX_PC_REQUIRES "")
  set(JX_PC_REQUIRES_PRIVATE "${JX_PC_MODULES}")
  set(JX_PC_LIBS "-L\${libdir} -ljixiao")
  set(JX_PC_LIBS_PRIVATE "${JX_PC_OTHER}")
else()
  # a static library: plain `pkg-config --libs` must name everything it needs
  set(JX_PC_REQUIRES "${JX_PC_MODULES}")
  set(JX_PC_REQUIRES_PRIVATE "")
  set(JX_PC_LIBS "-L\${libdir} -ljixiao ${JX_PC_OTHER}")
  set(JX_PC_LIBS_PRIVATE "")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/jixiao.pc.in ${PROJECT_BINARY_DIR}/jixiao.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/jixiao.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
