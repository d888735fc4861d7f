# Two commands do everything: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8990
SANITY_ROOT := $(CURDIR)/.cache/collections
COLLECTION := $(SANITY_ROOT)/ansible_collections/cxops/genesys

.PHONY: demo test sanity units lint changelog-lint docs-lint docs pytest oldest-core bench bench-smoke sandbox clean venv

venv: $(STAMP)

$(STAMP): requirements/dev.txt requirements/contract.txt sandbox/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt -r requirements/contract.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e sandbox
	touch $(STAMP)

sandbox: venv
	$(BIN)/genesys-sandbox --port $(PORT) --log-requests

demo: venv
	$(BIN)/python tools/demo.py --port $(PORT)

test: sanity units lint changelog-lint docs-lint docs pytest oldest-core bench-smoke

# Every suite: sandbox, contract, unit, integration, bad input, faults, properties (marks in pytest.ini).
pytest: venv
	$(BIN)/python -m pytest -n 2 tests

# The oldest supported ansible-core (requires_ansible in meta/runtime.yml) runs site.yml, the export round
# trip, the pipeline's tests and the run summary, through the same one action plugin.
OLDEST := .venv-oldest
$(OLDEST)/.installed: requirements/oldest.txt sandbox/pyproject.toml
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/pip install --quiet --disable-pip-version-check -r requirements/oldest.txt
	$(OLDEST)/bin/pip install --quiet --disable-pip-version-check --no-deps -e sandbox
	touch $@

oldest-core: $(OLDEST)/.installed
	$(OLDEST)/bin/ansible --version | head -1
	$(OLDEST)/bin/python -m pytest -n 2 -p no:cacheprovider tests/integration/test_site.py \
		tests/integration/test_export.py tests/integration/test_pipeline.py tests/integration/test_summary.py

# The benchmark at its default size (on demand; about 20 minutes): report in benchmarks/results/.
bench: venv
	$(BIN)/python benchmarks/bench.py

# The same benchmark at a small size, as a smoke test: it must run; its timings are not asserted.
bench-smoke: venv
	$(BIN)/python benchmarks/bench.py --small --compress 4 --out $(CURDIR)/.cache/bench-smoke

lint: venv
	$(BIN)/ansible-lint --profile production

changelog-lint: venv
	$(BIN)/antsibull-changelog lint
	$(BIN)/antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml

docs-lint: venv sanity-tree
	cd $(COLLECTION) && PATH=$(CURDIR)/$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(SANITY_ROOT) antsibull-docs \
		lint-collection-docs --plugin-docs .

# The rendered docs site (antsibull-docs, Sphinx) in .cache/docs/build/html. Offline, links into Ansible's own
# docs cannot resolve (docs/site/conf.py): those warnings, and only those, are accepted.
DOCS := $(CURDIR)/.cache/docs
OFFLINE_REFS := undefined label: '(common_return_values|ansible_configuration_settings|callback_plugins)'|reference target not found: ANSIBLE_CALLBACKS_ENABLED
docs: venv sanity-tree
	rm -rf $(DOCS) && mkdir -p $(DOCS)/rst && chmod 700 $(DOCS) $(DOCS)/rst
	PATH=$(CURDIR)/$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(SANITY_ROOT) antsibull-docs --config-file docs/site/antsibull-docs.cfg \
		collection --use-current --squash-hierarchy --dest-dir $(DOCS)/rst cxops.genesys
	$(BIN)/sphinx-build -q -b html -c docs/site -w $(DOCS)/warnings.txt $(DOCS)/rst $(DOCS)/build/html
	@if grep -v -E "$(OFFLINE_REFS)" $(DOCS)/warnings.txt; then echo "docs: warnings above"; exit 1; fi
	@echo "docs: $(DOCS)/build/html/index.html"

# ansible-test needs the ansible_collections/<ns>/<name> path: test a copy of the tracked files.
sanity-tree:
	rm -rf $(SANITY_ROOT) && mkdir -p $(COLLECTION)
	git ls-files --cached --others --exclude-standard -z | xargs -0 cp --parents -t $(COLLECTION)
	cd $(COLLECTION) && git init -q && git add -A

# ansible-test fetches a get-pip script that this network cannot reach; an offline stand-in takes its place.
ansible-test-cache:
	mkdir -p $(HOME)/.ansible/test/cache
	for v in 24_2 25_0 25_1 25_2; do cp .ci/get_pip.py $(HOME)/.ansible/test/cache/get_pip_$$v.py; done

sanity: venv sanity-tree ansible-test-cache
	cd $(COLLECTION) && PATH=$(CURDIR)/$(BIN):$$PATH ansible-test sanity --venv --python 3.11 --color no

units: venv sanity-tree ansible-test-cache
	cd $(COLLECTION) && PATH=$(CURDIR)/$(BIN):$$PATH ansible-test units --venv --python 3.11 --color no

clean:
	rm -rf $(VENV) $(OLDEST) $(SANITY_ROOT) .pytest_cache
