# The README's commands. Each installs missing Debian packages first (scripts/install-deps.sh).
# CMake does the real work; see CMakePresets.json for the builds. `run` and `package` build the
# app alone (the release preset has BUILD_TESTING off); `test`, `test-asan` and `bench` build the
# tests too.

.PHONY: run test test-asan bench package clean

run:
	scripts/install-deps.sh build
	cmake --preset release
	cmake --build --preset release
	build/release/app/elu-explorer

test:
	scripts/install-deps.sh test
	cmake --preset dev
	cmake --build --preset dev
	ctest --preset dev

test-asan:
	scripts/install-deps.sh test
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan

# The release build (build/release) with the tests switched on, built for elu-bench and the app
# only; `make run` switches them off again without rebuilding the app.
bench:
	scripts/install-deps.sh test
	cmake --preset bench
	cmake --build --preset bench
	build/release/tests/bench/elu-bench

package:
	scripts/install-deps.sh package
	cmake --preset release
	cmake --build --preset release
	cd build/release && cpack -G DEB

clean:
	rm -rf build
