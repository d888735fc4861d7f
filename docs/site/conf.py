# Sphinx configuration of the collection's rendered docs (`make docs`), from `antsibull-docs sphinx-init`.
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

project = "cxops.genesys"
copyright = "cxops.genesys contributors"
title = "cxops.genesys: Genesys Cloud as code"
html_short_title = "cxops.genesys"

extensions = ["sphinx.ext.autodoc", "sphinx_antsibull_ext"]
pygments_style = "ansible"
highlight_language = "YAML+Jinja"
html_theme = "sphinx_ansible_theme"
html_show_sphinx = False
display_version = False
html_use_smartypants = True
html_use_modindex = False
html_use_index = False
html_copy_source = False

# No intersphinx: the build must work offline, where the inventories of Ansible's and Python's docs
# cannot be fetched. The few links into Ansible's own docs therefore stay unresolved; `make docs`
# accepts exactly those warnings (listed there) and fails on any other.
default_role = "any"
nitpicky = True
