"""Official lists as a service: ingest files, record announced designations, report status as of a date."""

from watchfloor.lists.designate import record_designation
from watchfloor.lists.ingest import ingest_list
from watchfloor.lists.status import Designation, designations_as_of

__all__ = ["Designation", "designations_as_of", "ingest_list", "record_designation"]
