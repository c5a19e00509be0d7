"""O*NET prose comes only from the folder ONET_DIR names, core tasks first, with the credit for that release."""
from __future__ import annotations

from bot.catalogue.prose import ONET_DIR_VARIABLE, OnetProse
from tests.catalogue.conftest import DESCRIPTIONS, write_tsv


def test_description_and_core_tasks_first_from_the_folder_onet_dir_names(onet_dir):
    prose = OnetProse.from_env({ONET_DIR_VARIABLE: str(onet_dir)})
    assert prose.available
    assert prose.description("15-2051.00") == DESCRIPTIONS["15-2051.00"]
    assert prose.tasks("15-2051.00", limit=10) == (
        "Core fixture task: clean the data.", "Core fixture task: build models.",
        "Supplemental fixture task: present findings.", "Untyped fixture task: mentor juniors.")
    assert prose.tasks("15-2051.00", limit=2) == ("Core fixture task: clean the data.", "Core fixture task: build models.")


def test_the_credit_names_the_release_the_folder_holds(onet_dir):
    assert "from the O*NET 29.3 Database by the U.S. Department of Labor" in OnetProse(onet_dir).credit
    write_tsv(onet_dir / "Read Me.txt", ["O*NET 30.0 Database"], [["August 2025 Release"]])
    credit = OnetProse(onet_dir).credit
    assert "from the O*NET 30.0 Database" in credit and "Career advisor has modified" in credit


def test_no_prose_without_onet_dir():
    prose = OnetProse.from_env({})
    assert not prose.available
    assert prose.description("15-2051.00") is None
    assert prose.tasks("15-2051.00", limit=5) == ()


def test_no_prose_for_an_unknown_occupation_or_from_a_folder_without_the_files(onet_dir, tmp_path):
    assert OnetProse(onet_dir).description("99-9999.00") is None
    assert OnetProse(onet_dir).tasks("13-1082.00", limit=5) == ()
    empty = OnetProse(tmp_path / "empty")
    assert (empty.available, empty.description("15-2051.00"), empty.tasks("15-2051.00", limit=5)) == (False, None, ())


def test_descriptions_still_come_when_the_task_file_is_missing(onet_dir):
    (onet_dir / "Task Statements.txt").unlink()
    prose = OnetProse(onet_dir)
    assert prose.description("13-1082.00") == DESCRIPTIONS["13-1082.00"]
    assert prose.tasks("15-2051.00", limit=5) == ()
