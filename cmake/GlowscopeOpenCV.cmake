# OpenCV's CMake config lives in Debian's libopencv-dev, which drags in ~60 packages (highgui with
# Qt5 among them). We need three modules only, whose -dev packages ship headers and libraries but no
# config, so define the imported targets here under OpenCV's own target names.
find_path(GLOWSCOPE_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
foreach(module core imgproc imgcodecs)
  if(NOT TARGET opencv_${module})
    find_library(GLOWSCOPE_OPENCV_${module}_LIBRARY NAMES opencv_${module} REQUIRED)
    add_library(opencv_${module} SHARED IMPORTED)
    set_target_properties(opencv_${module} PROPERTIES
      IMPORTED_LOCATION "${GLOWSCOPE_OPENCV_${module}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${GLOWSCOPE_OPENCV_INCLUDE_DIR}")
  endif()
endforeach()
set_property(TARGET opencv_imgproc APPEND PROPERTY INTERFACE_LINK_LIBRARIES opencv_core)
set_property(TARGET opencv_imgcodecs APPEND PROPERTY INTERFACE_LINK_LIBRARIES opencv_imgproc)
