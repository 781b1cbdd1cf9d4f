# Shipped as the Makefile at the top of Limber's Linux package; it replaces
# the one the Fyne CLI writes, so that every way in installs the same files
# (binary, desktop entry, AppStream metainfo, hicolor icons, man page) via
# install.sh.
#
#   sudo make install      install to /usr/local
#   sudo make uninstall
#   make user-install      install to ~/.local (no root needed)
#   make user-uninstall
#   make install PREFIX=/opt/limber DESTDIR=/tmp/stage   (for packagers)

PREFIX ?= /usr/local

default:
	@sed -n '6,10s/^#//p' Makefile

install:
	./install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

uninstall:
	./install.sh --uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

user-install:
	./install.sh --prefix "$(HOME)/.local"

user-uninstall:
	./install.sh --uninstall --prefix "$(HOME)/.local"

.PHONY: default install uninstall user-install user-uninstall
