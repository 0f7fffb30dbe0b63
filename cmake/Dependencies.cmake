# Third-party libraries: Debian packages (scripts/setup.sh installs them) found the usual way.
find_package(PkgConfig REQUIRED)
find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs freetype)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# Artifacts fetched from npm by scripts/setup.sh (models, ONNX Runtime, ...).
set(MIXTRACT_DEPS_DIR "${PROJECT_SOURCE_DIR}/deps" CACHE PATH "Folder that scripts/setup.sh filled")

# ONNX Runtime (npm: com.github.asus4.onnxruntime), fetched by scripts/setup.sh.
set(ORT_DIR "${MIXTRACT_DEPS_DIR}/onnxruntime")
if(NOT EXISTS "${ORT_DIR}/lib/libonnxruntime.so" OR NOT EXISTS "${ORT_DIR}/include/onnxruntime_cxx_api.h")
  message(FATAL_ERROR "ONNX Runtime is missing from ${ORT_DIR}: run scripts/setup.sh first")
endif()
add_library(onnxruntime::onnxruntime SHARED IMPORTED)
set_target_properties(onnxruntime::onnxruntime PROPERTIES
  IMPORTED_LOCATION "${ORT_DIR}/lib/libonnxruntime.so"
  IMPORTED_SONAME "libonnxruntime.so.1"
  INTERFACE_INCLUDE_DIRECTORIES "${ORT_DIR}/include")

# Tesseract 5 (Debian).
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)  # The job queue on Redis Streams.
pkg_check_modules(ZBAR REQUIRED IMPORTED_TARGET zbar)  # QR codes (Debian's OpenCV is built without its decoder).
