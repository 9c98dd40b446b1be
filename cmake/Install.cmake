# Installing ELU Explorer as a desktop application, and its Debian package.
# Included from the root CMakeLists.txt after the subdirectories; the binary's own
# install(TARGETS) rule is in app/CMakeLists.txt. Paths follow GNUInstallDirs.
# tests/install/ checks the result: the install tree and the .deb.

set(ELU_APP_ID org.eluexplorer.EluExplorer)
set(ELU_ICON_SIZES 16 32 48 64 128 256)

# PNG icons, rendered at build time from the one SVG (app/icons/ reads ELU_ICON_SIZES).
add_subdirectory(app/icons)
# So that `cmake --install` after building only the app still finds the icons.
add_dependencies(elu-explorer elu-icons)

# The man page carries the project version.
configure_file(app/elu-explorer.1.in ${PROJECT_BINARY_DIR}/app/elu-explorer.1 @ONLY)

install(FILES app/${ELU_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES app/${ELU_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# The session file's MIME type (*.elusession), which the desktop file opens.
install(FILES app/${ELU_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${ELU_APP_ID}.xml)
install(FILES app/icons/${ELU_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size IN LISTS ELU_ICON_SIZES)
  install(FILES ${PROJECT_BINARY_DIR}/app/icons/hicolor/${size}x${size}/apps/${ELU_APP_ID}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_BINARY_DIR}/app/elu-explorer.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Debian package: `cpack -G DEB` in the build folder (`make package` from the top).
set(ELU_PACKAGE_MAINTAINER "The ELU Explorer authors <maintainers@eluexplorer.org>"
    CACHE STRING "Maintainer field of the Debian package (Name <email>)")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME elu-explorer)
set(CPACK_PACKAGE_VENDOR "The ELU Explorer authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "\
ELU Explorer plots the ELU activation function and its derivative live as alpha,\n\
the x range and the number of points change, marks the kink at 0 and says whether\n\
the derivative is continuous there. It exports the samples as JSON or CSV and the\n\
figure as PNG, SVG or PDF, from the window or from the command line without a display.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ELU_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends is computed by dpkg-shlibdeps from the binary, never listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
